package org.banksuite.console.story.web;

import java.util.Locale;
import java.util.regex.Pattern;

import org.banksuite.console.story.client.StoryDesk;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The entity story page ({@code /story?id=}): an account's or a transfer's events on one time line, its core
 * operations, open dead letters and mismatches. The id must be a UUID (every account and transfer id is one);
 * anything else is answered on the form and nothing is read or called.
 */
@Controller
public class StoryController {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final StoryDesk desk;

    public StoryController(StoryDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/story")
    String story(@RequestParam(required = false) String id, Model model) {
        String typed = id == null ? "" : id.strip();
        model.addAttribute("id", typed);
        if (typed.isEmpty()) {
            return "story/page";
        }
        if (!UUID_SHAPE.matcher(typed).matches()) {
            model.addAttribute("problem", "An account or transfer id is a UUID (e.g. 3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d);"
                    + " '" + shortened(typed) + "' is not one. Nothing was looked up.");
            return "story/page";
        }
        model.addAttribute("story", desk.of(typed.toLowerCase(Locale.ROOT)));
        return "story/page";
    }

    private static String shortened(String typed) {
        return typed.length() > 60 ? typed.substring(0, 60) + "..." : typed;
    }
}
