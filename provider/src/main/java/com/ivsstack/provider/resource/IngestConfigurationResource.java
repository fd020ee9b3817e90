package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteGroup;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.DiffRequest;
import com.ivsstack.provider.api.DiffResult;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.aws.ArnParser;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.ResourceModels;
import com.ivsstack.provider.model.realtime.IngestConfigurationInputs;
import com.ivsstack.provider.model.realtime.IngestConfigurationOutputs;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfigurationState;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfigurationSummary;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ivs:realtime:IngestConfiguration}: only {@code stageArn} and tags update in place. IVS never returns
 * {@code insecureIngest}, so it is kept from the inputs. While an encoder publishes with the configuration (ACTIVE),
 * IVS refuses to update it and deletes it only with {@code force}; the provider refuses too, naming the stage, its
 * session and the participant count, unless the provider's {@code disconnectParticipants} allows it, and a preview of
 * its replacement warns the same.
 */
public final class IngestConfigurationResource extends IvsResource<IngestConfigurationInputs, IngestConfigurationOutputs> {

    public static final String TOKEN = IngestConfigurationInputs.TOKEN;

    private static final String INSECURE = IngestConfigurationInputs.INSECURE_INGEST;
    private static final int MAX_ATTRIBUTE_BYTES = 1024;
    private static final String REFUSED_WHILE_ACTIVE = "IVS cannot change or delete an ingest configuration while its "
            + "encoder publishes";

    private final LiveStages liveStages;

    public IngestConfigurationResource(ResourceContext context) {
        super(context, ResourceModels.INGEST_CONFIGURATION);
        this.liveStages = new LiveStages(context);
    }

    // ---- check and diff ---------------------------------------------------------------------------------------

    @Override
    protected void validate(IngestConfigurationInputs inputs, Validator validator) {
        validator.string(IngestConfigurationInputs.NAME, inputs.name(), 0, 128, Validator.NAME_PATTERN,
                "an ingest configuration name has only letters, digits, - and _");
        validator.arn(IngestConfigurationInputs.STAGE_ARN, inputs.stageArn(), "stage", true);
        validator.string(IngestConfigurationInputs.USER_ID, inputs.userId(), 0, 128, null, null);
        int bytes = inputs.attributes().entrySet().stream().mapToInt(e -> utf8Length(e.getKey()) + utf8Length(e.getValue())).sum();
        if (bytes > MAX_ATTRIBUTE_BYTES) {
            validator.fail(IngestConfigurationInputs.ATTRIBUTES, "has " + bytes + " bytes of keys and values (UTF-8); "
                    + "at most " + MAX_ATTRIBUTE_BYTES + " (1 KB) in total are allowed");
        }
        if ("RTMP".equals(inputs.ingestProtocol()) && Boolean.FALSE.equals(inputs.insecureIngest())) {
            validator.fail(INSECURE, "false is not allowed with ingestProtocol RTMP: unencrypted RTMP ingest needs "
                    + "insecureIngest: true; or use RTMPS");
        }
    }

    private static int utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * After an import, IVS could not say whether {@code insecureIngest} was set, so the declared value is adopted rather
     * than shown as a replacement (the old outputs then lack it). A replacement of a configuration an encoder publishes
     * with is warned about here, before anything runs: the delete it ends with would be refused.
     */
    @Override
    public DiffResult diff(DiffRequest request) {
        var oldOutputs = request.oldOutputs() == null ? Map.<String, Object>of() : request.oldOutputs();
        var adjusted = request;
        if (oldOutputs.containsKey(IngestConfigurationOutputs.ARN) && !oldOutputs.containsKey(INSECURE)
                && request.news() != null && request.news().containsKey(INSECURE)) {
            var adopted = new LinkedHashMap<>(request.oldInputs() == null ? Map.<String, Object>of() : request.oldInputs());
            adopted.put(INSECURE, request.news().get(INSECURE));
            adjusted = new DiffRequest(request.id(), request.urn(), adopted, oldOutputs, request.news(), request.ignoreChanges());
        }
        var result = super.diff(adjusted);
        if (result.requiresReplacement()) {
            warnIfPublishing(request.id(), request.urn());
        }
        return result;
    }

    /** The preview's warning for a replacement: the same words as the refusal of the delete it ends with. */
    private void warnIfPublishing(String id, String urn) {
        if (!context.isConfigured() || !ArnParser.isArnOf("ingest-configuration", id)) {
            return;
        }
        try {
            var current = api().realTime().getIngestConfiguration(b -> b.arn(id)).ingestConfiguration();
            if (current.state() != IngestConfigurationState.ACTIVE) {
                return;
            }
            var session = publisherSession(current.stageArn(), current.participantId());
            context.log().warn(urn, liveStages.mayDisconnect()
                    ? describe("replacing", id) + " deletes it, which disconnects its encoder from stage "
                    + session.stageArn() + " (session " + session.sessionId() + "; disconnectParticipants is true)"
                    : refusal("replacing", id, session, "the replacement ends by deleting this ingest configuration, "
                    + "which IVS refuses while its encoder publishes"));
        } catch (IvsApiException e) {
            // a warning only: the delete itself checks again
        }
    }

    // ---- create, read, update, delete -------------------------------------------------------------------------

    @Override
    protected Live<IngestConfigurationOutputs> create(IngestConfigurationInputs inputs, Map<String, String> tags,
                                                      CreateRequest request) {
        try {
            var configuration = api().realTime().createIngestConfiguration(b -> b
                    .name(inputs.name())
                    .stageArn(inputs.stageArn())
                    .userId(inputs.userId())
                    .attributes(inputs.attributes())
                    .ingestProtocol(inputs.ingestProtocol())
                    .insecureIngest(inputs.insecureIngest())
                    .tags(tags)).ingestConfiguration();
            return new Live<>(configuration.arn(), outputs(configuration, inputs.insecureIngest()));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs.name(), request), e, e.is(IvsApiException.Kind.QUOTA_EXCEEDED)
                    ? "IVS allows 100 ingest configurations per account by default; delete ones you no longer use or "
                    + "ask for a higher quota" : null);
        }
    }

    @Override
    protected Optional<Live<IngestConfigurationOutputs>> read(String id, IngestConfigurationInputs oldInputs,
                                                              IngestConfigurationOutputs oldOutputs) {
        Boolean known = oldInputs.insecureIngest() != null ? oldInputs.insecureIngest() : oldOutputs.insecureIngest();
        return IvsApiException.emptyIfNotFound(() -> api().realTime().getIngestConfiguration(b -> b.arn(id)).ingestConfiguration())
                .map(found -> new Live<>(id, outputs(found, known)));
    }

    /** ListIngestConfigurations returns no tags: each configuration's are read (ListTagsForResource). */
    @Override
    protected Optional<String> findOwned(String urn, IngestConfigurationInputs oldInputs) {
        var summaries = api().realTime().listIngestConfigurationsPaginator(b -> { }).stream()
                .flatMap(page -> page.ingestConfigurations().stream());
        return Ownership.find(summaries, summary -> api().tags().tags(summary.arn()), IngestConfigurationSummary::arn, urn);
    }

    /** The stage is the one input that changes in place; not while an encoder publishes, unless it may be disconnected. */
    @Override
    protected void updateInPlace(String id, IngestConfigurationInputs oldInputs, IngestConfigurationInputs news,
                                 UpdateRequest request) {
        String stageArn = orNone(news.stageArn());
        try {
            api().realTime().updateIngestConfiguration(b -> b.arn(id).stageArn(stageArn));
        } catch (IvsApiException e) {
            if (!e.is(IvsApiException.Kind.CONFLICT)) {
                throw failure("updating", id, e, null);
            }
            disconnectPublisher(id, "updating", request.urn(), e);
            try {
                api().realTime().updateIngestConfiguration(b -> b.arn(id).stageArn(stageArn));
            } catch (IvsApiException again) {
                throw failure("updating", id, again, "Its encoder reconnected at once; stop it at its source and run again");
            }
        }
    }

    /** Deleted without force; with it (its encoder disconnected) only when the provider may. */
    @Override
    protected void delete(String id, IngestConfigurationInputs oldInputs, DeleteRequest request) {
        try {
            api().realTime().deleteIngestConfiguration(b -> b.arn(id));
        } catch (IvsApiException e) {
            if (!e.is(IvsApiException.Kind.CONFLICT)) {
                throw e;
            }
            var current = IvsApiException.emptyIfNotFound(() ->
                    api().realTime().getIngestConfiguration(b -> b.arn(id)).ingestConfiguration());
            if (current.isEmpty() || current.get().state() != IngestConfigurationState.ACTIVE) {
                throw failure("deleting", id, e, null);
            }
            var session = publisherSession(current.get().stageArn(), current.get().participantId());
            if (!liveStages.mayDisconnect()) {
                throw new ProviderException(refusal("deleting", id, session, REFUSED_WHILE_ACTIVE), e);
            }
            context.log().warn(request.urn(), "deleting ingest configuration " + id + " with force, which disconnects "
                    + "its encoder from stage " + session.stageArn() + " (session " + session.sessionId()
                    + "; disconnectParticipants is true)");
            api().realTime().deleteIngestConfiguration(b -> b.arn(id).force(true));
        }
    }

    /**
     * The delete preflight: a configuration an encoder publishes with blocks its delete unless the provider may
     * disconnect it. The publishing configurations are listed once for the group (ListIngestConfigurations ACTIVE).
     */
    @Override
    public List<String> deleteBlockers(DeleteRequest request, DeleteGroup group) {
        if (liveStages.mayDisconnect()) {
            return List.of();
        }
        String id = request.id();
        try {
            var publishing = liveStages.publishingIngestConfigurations(group).get(id);
            if (publishing == null) {
                return List.of();
            }
            return List.of(refusal("deleting", id, publisherSession(publishing.stageArn(), publishing.participantId()),
                    REFUSED_WHILE_ACTIVE));
        } catch (IvsApiException e) {
            throw failure("checking before deleting", id, e, null);
        }
    }

    /** Refuses (the provider may not disconnect), or disconnects the encoder with a warning so that IVS accepts. */
    private void disconnectPublisher(String id, String action, String urn, IvsApiException conflict) {
        var current = api().realTime().getIngestConfiguration(b -> b.arn(id)).ingestConfiguration();
        if (current.state() != IngestConfigurationState.ACTIVE) {
            throw failure(action, id, conflict, null);
        }
        var session = publisherSession(current.stageArn(), current.participantId());
        if (!liveStages.mayDisconnect()) {
            throw new ProviderException(refusal(action, id, session, REFUSED_WHILE_ACTIVE), conflict);
        }
        context.log().warn(urn, "disconnecting the encoder of ingest configuration " + id + " from stage "
                + session.stageArn() + " (session " + session.sessionId() + "; disconnectParticipants is true) so that "
                + "IVS accepts " + action + " it");
        liveStages.disconnect(current.stageArn(), current.participantId(), action + " its ingest configuration");
    }

    /** The session the encoder publishes into, with everyone connected to it (the encoder at least). */
    private LiveStages.LiveSession publisherSession(String stageArn, String participantId) {
        return liveStages.liveSession(stageArn)
                .orElseGet(() -> new LiveStages.LiveSession(stageArn, "(ended)", List.of(participantId)));
    }

    private String refusal(String action, String id, LiveStages.LiveSession session, String consequence) {
        return LiveStages.refusal(describe(action, id), session.describeAsEncoderTarget(), consequence,
                "the encoder stops", "its encoder");
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    /**
     * The configuration's outputs; {@code insecureIngest}, which IVS never returns, is the known value (RTMP always
     * has it) or left out. Shared with the getIngestConfiguration function.
     */
    public static IngestConfigurationOutputs outputs(IngestConfiguration configuration, Boolean insecureIngest) {
        boolean rtmp = "RTMP".equals(configuration.ingestProtocolAsString());
        return IngestConfigurationOutputs.builder()
                .arn(configuration.arn())
                .name(configuration.name())
                .stageArn(orNone(configuration.stageArn()))
                .userId(configuration.userId())
                .attributes(configuration.attributes() == null ? Map.of() : configuration.attributes())
                .ingestProtocol(configuration.ingestProtocolAsString())
                .insecureIngest(insecureIngest != null ? insecureIngest : rtmp ? Boolean.TRUE : null)
                .participantId(configuration.participantId())
                .state(configuration.stateAsString())
                .streamKey(configuration.streamKey())
                .tags(configuration.tags() == null ? Map.of() : configuration.tags())
                .build();
    }
}
