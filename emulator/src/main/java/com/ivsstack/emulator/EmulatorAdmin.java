package com.ivsstack.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.admin.FaultInjector;
import com.ivsstack.emulator.admin.RateQuotas;
import com.ivsstack.emulator.admin.RequestCounters;
import com.ivsstack.emulator.service.EmulatorSettings;
import com.ivsstack.emulator.service.RequestContext;
import com.ivsstack.emulator.service.StreamService;
import com.ivsstack.emulator.store.Arn;
import com.ivsstack.emulator.store.EmulatorStore;
import com.ivsstack.emulator.store.JsonDocuments;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Controls of the emulator that the IVS API does not have: simulated live streams, S3 bucket regions, faults,
 * rate quotas, request counters, reset and a state dump. The same controls are on HTTP under {@code /_emulator/}.
 * Errors are {@link com.ivsstack.emulator.service.ApiException}s (e.g. 404 for an unknown channel).
 */
public final class EmulatorAdmin {
    private final EmulatorStore store;
    private final StreamService streams;
    private final FaultInjector faults;
    private final RateQuotas quotas;
    private final RequestCounters counters;
    private final Supplier<EmulatorSettings> settings;
    private final String accountId;
    private final boolean quotasByDefault;

    EmulatorAdmin(EmulatorStore store, StreamService streams, FaultInjector faults, RateQuotas quotas,
                  RequestCounters counters, Supplier<EmulatorSettings> settings, String accountId,
                  boolean quotasByDefault) {
        this.store = store;
        this.streams = streams;
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
        return store.write(() -> streams.startStream(context, channelArn, health)).toString();
    }

    /** Ends the channel's live stream (404 ChannelNotBroadcasting when it is not live). */
    public void stopStream(String channelArn) {
        RequestContext context = contextOf(channelArn);
        store.write(() -> streams.stopStream(context, channelArn));
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

    private RequestContext contextOf(String channelArn) {
        Arn arn = Arn.parse(channelArn).orElseThrow(() -> new IllegalArgumentException(
                "not a channel ARN: '" + channelArn + "'; expected arn:aws:ivs:<region>:<account>:channel/<id>"));
        return new RequestContext(arn.region(), accountId, Instant.now(), store, settings.get());
    }
}
