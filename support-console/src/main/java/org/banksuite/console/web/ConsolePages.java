package org.banksuite.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shares: the signed-in person for the header (name, roles, sign-out) and the navigation (dead
 * letters, reconstitution, entity story, audit). The start page is the
 * dead-letter list. A sign-in whose tokens can no longer be renewed leads to signing in again.
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

    /**
     * The person's tokens could not be renewed (the issuer refused the refresh token: it restarted, or the sign-in
     * ended there): the console's session ends too, and the person signs in again instead of seeing an error.
     */
    @ExceptionHandler(OAuth2AuthorizationException.class)
    String signInAgain(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/";
    }
}
