package org.banksuite.kit.reconstitution.web;

import java.util.List;
import org.banksuite.kit.reconstitution.ProducerCatalog;
import org.banksuite.kit.reconstitution.ReconstitutionJobs;
import org.banksuite.kit.reconstitution.ReplayableEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The jobs' and producers' controllers and problems, declared here because services do not scan the kit. */
@Configuration(proxyBeanMethods = false)
public class ReconstitutionWebConfiguration {

    @Bean
    ReconstitutionJobsController reconstitutionJobsController(ReconstitutionJobs jobs) {
        return new ReconstitutionJobsController(jobs);
    }

    @Bean
    ReconstitutionProducersController reconstitutionProducersController(List<ReplayableEvents> producers) {
        return new ReconstitutionProducersController(new ProducerCatalog(producers));
    }

    @Bean
    ReconstitutionProblemHandler reconstitutionProblemHandler() {
        return new ReconstitutionProblemHandler();
    }
}
