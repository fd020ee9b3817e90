package com.ivsstack.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.admin.FaultInjector;
import com.ivsstack.emulator.admin.RateQuotas;
import com.ivsstack.emulator.admin.RequestCounters;
import com.ivsstack.emulator.service.EmulatorSettings;
import com.ivsstack.emulator.service.RequestContext;
import com.ivsstack.emulator.service.ServiceCatalog;
import com.ivsstack.emulator.store.Arn;
import com.ivsstack.emulator.store.EmulatorStore;
import com.ivsstack.emulator.store.JsonDocuments;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Controls of the emulator that the IVS API does not have: simulated live streams, stage participants and ingest
 * encoders, S3 bucket regions, faults, rate quotas, request counters, reset and a state dump. The same controls are
 * on HTTP under {@code /_emulator/}. Errors are {@link com.ivsstack.emulator.service.ApiException}s (e.g. 404 for an
 * unknown channel).
 */
public final class EmulatorAdmin {
    private final EmulatorStore store;
    private final ServiceCatalog services;
    private final FaultInjector faults;
    private final RateQuotas quotas;
    private final RequestCounters counters;
    private final Supplier<EmulatorSettings> settings;
    private final String accountId;
    private final boolean quotasByDefault;

    EmulatorAdmin(EmulatorStore store, ServiceCatalog services, FaultInjector faults, RateQuotas quotas,
                  RequestCounters counters, Supplier<EmulatorSettings> settings, String accountId,
                  boolean quotasByDefault) {
        this.store = store;
        this.services = services;
        this.faults = faults;
        this.quotas = quotas;
        this.counters = counters;
        this.settings = settings;
        this.accountId = accountId;
        this.quotasByDefault = quotasByDefault;
    }

    /** Puts the channel live with a HEALTHY stream; returns the Stream document as JSON. */
    public String startStream(String channelArn) {
        return startStream(channelArn, "HEALTHY");
    }

    /** Puts the channel live with the given health (HEALTHY, STARVING or UNKNOWN); returns the Stream as JSON. */
    public String startStream(String channelArn, String health) {
        if (!List.of("HEALTHY", "STARVING", "UNKNOWN").contains(health)) {
            throw new IllegalArgumentException("health must be HEALTHY, STARVING or UNKNOWN; was " + health);
        }
        RequestContext context = contextOf(channelArn);
        return store.write(() -> services.streams().startStream(context, channelArn, health)).toString();
    }

    /** Ends the channel's live stream (404 ChannelNotBroadcasting when it is not live). */
    public void stopStream(String channelArn) {
        RequestContext context = contextOf(channelArn);
        store.write(() -> services.streams().stopStream(context, channelArn));
    }

    /**
     * A simulated participant joins the stage and publishes (as a browser or mobile SDK would, over WHIP), starting
     * a session when none is in progress. Returns its Participant document, with its {@code sessionId}, as JSON.
     */
    public String joinParticipant(String stageArn) {
        return joinParticipant(stageArn, "", Map.of(), true);
    }

    /**
     * A simulated participant with this user id and these attributes joins the stage; {@code publish} false makes
     * it a subscriber only. A 13th publisher is refused (402, the per-stage quota). Returns its Participant document,
     * with its {@code sessionId}, as JSON.
     */
    public String joinParticipant(String stageArn, String userId, Map<String, String> attributes, boolean publish) {
        RequestContext context = contextOf(stageArn);
        return store.write(() -> services.stageSessions().join(context, stageArn, userId == null ? "" : userId,
                JsonDocuments.MAPPER.valueToTree(attributes == null ? Map.of() : attributes), publish)).toString();
    }

    /**
     * The participant leaves the stage (404 when it is not connected); when it was the last one, the session ends
     * and the stage loses its {@code activeSessionId}. For an ingest configuration's participant, its encoder stops.
     */
    public void leaveParticipant(String stageArn, String participantId) {
        RequestContext context = contextOf(stageArn);
        store.write(() -> services.stageSessions().leave(context, stageArn, participantId));
    }

    /**
     * An encoder starts publishing with the ingest configuration's stream key: the configuration turns ACTIVE and
     * its participant joins the configuration's stage (409 when it is already ACTIVE or names no stage). Returns
     * the IngestConfiguration as JSON.
     */
    public String startPublishing(String ingestConfigurationArn) {
        RequestContext context = contextOf(ingestConfigurationArn);
        return store.write(() -> services.ingestConfigurations().startPublishing(context, ingestConfigurationArn))
                .toString();
    }

    /** The encoder stops: the ingest configuration turns INACTIVE and its participant leaves (409 when not ACTIVE). */
    public void stopPublishing(String ingestConfigurationArn) {
        RequestContext context = contextOf(ingestConfigurationArn);
        store.write(() -> services.ingestConfigurations().stopPublishing(context, ingestConfigurationArn));
    }

    /** Declares where an S3 bucket lives; a recording configuration in another region then ends CREATE_FAILED. */
    public void registerBucket(String bucketName, String region) {
        if (bucketName == null || bucketName.isBlank() || region == null || region.isBlank()) {
            throw new IllegalArgumentException("registerBucket needs a bucket name and a region, e.g. "
                    + "registerBucket(\"my-recordings\", \"eu-west-1\")");
        }
        store.write(() -> store.registerBucket(bucketName, region));
    }

    public void injectFault(FaultRule... rules) {
        for (FaultRule rule : rules) {
            faults.add(rule);
        }
    }

    public List<FaultRule> faults() {
        return faults.rules();
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Switches the documented per-operation TPS quotas on (over quota: 429 ThrottlingException) or off. */
    public void setQuotasEnabled(boolean enabled) {
        quotas.setEnabled(enabled);
    }

    public boolean quotasEnabled() {
        return quotas.enabled();
    }

    /** Forgets every resource, stream, bucket, fault and request count; quotas go back to the start setting. */
    public void reset() {
        store.clear();
        faults.clear();
        counters.reset();
        quotas.setEnabled(quotasByDefault);
    }

    /** The whole state as pretty JSON: resources by type, live streams, sessions, buckets. */
    public String dumpState() {
        ObjectNode state = store.snapshot();
        try {
            return JsonDocuments.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many requests of an operation arrived since the start or the last reset (e.g. "GetChannel"). */
    public long requestCount(String operation) {
        return counters.count(operation);
    }

    public Map<String, Long> requestCounts() {
        return counters.snapshot();
    }

    /** How many requests of each operation the rate quotas refused (429) since the start or the last reset. */
    public Map<String, Long> throttledCounts() {
        return counters.throttledSnapshot();
    }

    public void resetRequestCounts() {
        counters.reset();
    }

    /** The context of a request in the ARN's region, as if its owner made it. */
    private RequestContext contextOf(String resourceArn) {
        Arn arn = Arn.parse(resourceArn).orElseThrow(() -> new IllegalArgumentException(
                "not an IVS ARN: '" + resourceArn + "'; expected arn:aws:ivs:<region>:<account>:<type>/<id>"));
        return new RequestContext(arn.region(), accountId, Instant.now(), store, settings.get());
    }
}
