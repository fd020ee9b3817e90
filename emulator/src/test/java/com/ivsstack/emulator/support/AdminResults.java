package com.ivsstack.emulator.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Members of the JSON documents the admin API returns (a joined participant, a publishing ingest configuration). */
public final class AdminResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminResults() {
    }

    /** The text of a top-level member, e.g. {@code member(admin.joinParticipant(stage), "participantId")}. */
    public static String member(String document, String name) {
        try {
            return JSON.readTree(document).path(name).asText();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document: " + document, e);
        }
    }
}
