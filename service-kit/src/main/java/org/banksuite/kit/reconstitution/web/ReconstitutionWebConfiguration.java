package org.banksuite.kit.reconstitution.web;

import org.banksuite.kit.reconstitution.ReconstitutionJobs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The jobs' controller and problems, declared here because services do not scan the kit. */
@Configuration(proxyBeanMethods = false)
public class ReconstitutionWebConfiguration {

    @Bean
    ReconstitutionJobsController reconstitutionJobsController(ReconstitutionJobs jobs) {
        return new ReconstitutionJobsController(jobs);
    }

    @Bean
    ReconstitutionProblemHandler reconstitutionProblemHandler() {
        return new ReconstitutionProblemHandler();
    }
}
