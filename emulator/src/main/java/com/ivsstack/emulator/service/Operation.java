package com.ivsstack.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.validation.StructureShape;

/**
 * One API operation: its name, service, success status, input rules, whether it changes state, its documented
 * rate quota, and what it does.
 *
 * @param ratePerSecond the documented IVS API rate quota (TPS), enforced when quotas are on
 */
public record Operation(String name, ApiService service, int successStatus, StructureShape input, boolean mutating,
                        int ratePerSecond, Handler handler) {

    /** Runs a validated request; returns the response body, or null for none. */
    @FunctionalInterface
    public interface Handler {
        JsonNode handle(RequestContext context, ObjectNode input);
    }

    public enum ApiService {
        IVS("ivs"), REALTIME("IVS RealTime");

        private final String displayName;

        ApiService(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }
}
