package org.banksuite.console.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shares: the signed-in person for the header (name, roles, sign-out) and the navigation, whose
 * slots for the later pages (reconstitution, an entity's story, audit) are there but not yet linked. The start page
 * is the dead-letter list.
 */
@Controller
@ControllerAdvice
public class ConsolePages {

    @ModelAttribute("person")
    SignedInPerson person(Authentication authentication) {
        return SignedInPerson.of(authentication);
    }

    @GetMapping("/")
    String start() {
        return "redirect:/dead-letters";
    }
}
