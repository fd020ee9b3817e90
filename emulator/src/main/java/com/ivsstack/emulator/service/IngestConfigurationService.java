package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.REALTIME;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.CommonShapes.arnOrEmpty;
import static com.ivsstack.emulator.validation.CommonShapes.maxResults;
import static com.ivsstack.emulator.validation.CommonShapes.name;
import static com.ivsstack.emulator.validation.CommonShapes.nextToken;
import static com.ivsstack.emulator.validation.CommonShapes.tags;
import static com.ivsstack.emulator.validation.Shapes.bool;
import static com.ivsstack.emulator.validation.Shapes.enumOf;
import static com.ivsstack.emulator.validation.Shapes.map;
import static com.ivsstack.emulator.validation.Shapes.string;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResource;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.validation.RequestValidator;
import com.ivsstack.emulator.validation.StructureShape;
import java.util.List;
import java.util.Optional;

/**
 * IVS RealTime ingest configurations (an RTMP(S) encoder publishing into a stage as one participant):
 * Create/Get/List/Update/DeleteIngestConfiguration. There is no RTMP ingest: an encoder starts and stops publishing
 * through the admin API ({@link #startPublishing}, {@link #stopPublishing}), and the configuration is ACTIVE while
 * it does.
 */
public final class IngestConfigurationService {
    static final int RATE = 5;
    /** Bookkeeping: the write-only insecureIngest, which the IngestConfiguration shape does not carry. */
    private static final String INSECURE_INGEST = "insecureIngest";

    static final StructureShape CREATE = structure()
            .optional("name", name())
            .optional("stageArn", arnOrEmpty("stage"))
            .optional("userId", string().length(0, 128))
            .optional("attributes", map(string(), string()))
            .required("ingestProtocol", enumOf("RTMP", "RTMPS"))
            .optional(INSECURE_INGEST, bool())
            .optional("tags", tags());
    static final StructureShape GET = structure().required("arn", arn("ingest-configuration"));
    static final StructureShape UPDATE = structure()
            .required("arn", arn("ingest-configuration"))
            .optional("stageArn", arnOrEmpty("stage"));
    static final StructureShape DELETE = structure()
            .required("arn", arn("ingest-configuration"))
            .optional("force", bool());
    static final StructureShape LIST = structure()
            .optional("filterByStageArn", arn("stage"))
            .optional("filterByState", enumOf("ACTIVE", "INACTIVE"))
            .optional("nextToken", nextToken())
            .optional("maxResults", maxResults(100));

    public void register(OperationRegistry registry) {
        registry.write(REALTIME, "CreateIngestConfiguration", 200, RATE, CREATE, this::create);
        registry.read(REALTIME, "GetIngestConfiguration", RATE, GET, this::get);
        registry.read(REALTIME, "ListIngestConfigurations", RATE, LIST, this::listConfigurations);
        registry.write(REALTIME, "UpdateIngestConfiguration", 200, RATE, UPDATE, this::update);
        registry.write(REALTIME, "DeleteIngestConfiguration", 200, RATE, DELETE, this::delete);
    }

    private JsonNode create(RequestContext context, ObjectNode input) {
        List<String> errors = Resources.errors();
        boolean insecure = input.path(INSECURE_INGEST).asBoolean(false);
        if ("RTMP".equals(input.get("ingestProtocol").asText()) && !insecure) {
            errors.add("Value 'RTMP' at 'ingestProtocol' failed to satisfy constraint: RTMP ingest needs "
                    + "insecureIngest set to true; use RTMPS, or set insecureIngest");
        }
        Resources.checkAttributesSize(input.get("attributes"), "attributes", errors);
        RequestValidator.fail(errors);
        String stageArn = JsonDocuments.text(input, "stageArn", "");
        requireStageOrNone(context, stageArn);
        Resources.requireBelowQuota(context, StoredResourceType.INGEST_CONFIGURATION,
                context.settings().maxIngestConfigurations(), "ingest configurations");
        String arn = context.newArn(StoredResourceType.INGEST_CONFIGURATION);
        ObjectNode configuration = JsonDocuments.object();
        configuration.put("name", JsonDocuments.text(input, "name", ""));
        configuration.put("arn", arn);
        configuration.put("ingestProtocol", input.get("ingestProtocol").asText());
        configuration.put("streamKey", "rt_" + context.accountId() + "_" + context.region() + "_"
                + arn.substring(arn.lastIndexOf('/') + 1) + "_" + Ids.random(30));
        configuration.put("stageArn", stageArn);
        configuration.put("participantId", Ids.random(12));
        configuration.put("state", "INACTIVE");
        configuration.put("userId", JsonDocuments.text(input, "userId", ""));
        configuration.set("attributes", input.hasNonNull("attributes") ? input.get("attributes").deepCopy()
                : JsonDocuments.object());
        configuration.set("tags", Resources.tags(input));
        ObjectNode internal = JsonDocuments.object();
        internal.put(INSECURE_INGEST, insecure);
        context.store().add(StoredResourceType.INGEST_CONFIGURATION, arn, configuration, internal);
        return wrap(configuration);
    }

    private JsonNode get(RequestContext context, ObjectNode input) {
        return wrap(require(context, input.get("arn").asText()).document());
    }

    private JsonNode listConfigurations(RequestContext context, ObjectNode input) {
        if (input.hasNonNull("filterByStageArn") && input.hasNonNull("filterByState")) {
            throw ApiException.validation("Only one of filterByStageArn and filterByState can be provided per "
                    + "request");
        }
        String stage = JsonDocuments.text(input, "filterByStageArn", null);
        String state = JsonDocuments.text(input, "filterByState", null);
        List<StoredResource> matching = context.store().list(StoredResourceType.INGEST_CONFIGURATION,
                context.arnPrefix(StoredResourceType.INGEST_CONFIGURATION),
                c -> (stage == null || stage.equals(c.document().get("stageArn").asText()))
                        && (state == null || state.equals(c.document().get("state").asText())));
        return Resources.listResponse("ingestConfigurations",
                Pagination.page(matching, StoredResource::sequence, input, 50),
                c -> Resources.pick(c.document(), "name", "arn", "ingestProtocol", "stageArn", "participantId",
                        "state", "userId"));
    }

    /** Only the stage can change, and not while an encoder publishes (409). */
    private JsonNode update(RequestContext context, ObjectNode input) {
        StoredResource configuration = require(context, input.get("arn").asText());
        if (isActive(configuration)) {
            throw ApiException.conflict("Ingest configuration " + configuration.arn() + " is ACTIVE (an encoder "
                    + "publishes with it): it can be updated once the encoder stops");
        }
        if (input.hasNonNull("stageArn")) {
            String stageArn = input.get("stageArn").asText();
            requireStageOrNone(context, stageArn);
            configuration.document().put("stageArn", stageArn);
        }
        return wrap(configuration.document());
    }

    /** An ACTIVE configuration is deleted only with force, which disconnects its participant first. */
    private JsonNode delete(RequestContext context, ObjectNode input) {
        StoredResource configuration = require(context, input.get("arn").asText());
        if (isActive(configuration)) {
            if (!input.path("force").asBoolean(false)) {
                throw ApiException.conflict("Ingest configuration " + configuration.arn() + " is ACTIVE (an "
                        + "encoder publishes with it): stop the encoder, or delete with force to disconnect it");
            }
            stopPublishing(context, configuration);
        }
        context.store().remove(StoredResourceType.INGEST_CONFIGURATION, configuration.arn());
        return JsonDocuments.object();
    }

    /**
     * An encoder connects with the configuration's stream key: it joins the configuration's stage as the
     * configuration's participant, publishing, and the configuration turns ACTIVE; returns the configuration.
     */
    public ObjectNode startPublishing(RequestContext context, String arn) {
        StoredResource configuration = require(context, arn);
        if (isActive(configuration)) {
            throw ApiException.conflict("Ingest configuration " + arn + " is already ACTIVE: its stream key is in "
                    + "use by another encoder (REUSE_OF_STREAM_KEY)");
        }
        ObjectNode document = configuration.document();
        String stageArn = document.get("stageArn").asText();
        if (stageArn.isEmpty()) {
            throw ApiException.conflict("Ingest configuration " + arn + " has no stage, so its stream key is "
                    + "unusable: set one with UpdateIngestConfiguration first");
        }
        StageSessions.of(Resources.require(context, StoredResourceType.STAGE, stageArn)).join(context,
                new StageSessions.Newcomer(document.get("participantId").asText(), document.get("userId").asText(),
                        document.get("attributes"), true, document.get("ingestProtocol").asText()));
        document.put("state", "ACTIVE");
        return document.deepCopy();
    }

    /** The encoder disconnects (admin API); 409 when none publishes with the configuration. */
    public void stopPublishing(RequestContext context, String arn) {
        StoredResource configuration = require(context, arn);
        if (!isActive(configuration)) {
            throw ApiException.conflict("Ingest configuration " + arn + " is not ACTIVE: no encoder publishes with it");
        }
        stopPublishing(context, configuration);
    }

    /** The configuration's participant leaves its stage, and the configuration turns INACTIVE. */
    static void stopPublishing(RequestContext context, StoredResource configuration) {
        ObjectNode document = configuration.document();
        String participantId = document.get("participantId").asText();
        context.store().get(StoredResourceType.STAGE, document.get("stageArn").asText())
                .map(StageSessions::of)
                .filter(sessions -> sessions.isConnected(participantId))
                .ifPresent(sessions -> sessions.leave(context, participantId));
        document.put("state", "INACTIVE");
    }

    /** The ACTIVE configuration whose encoder is this participant of this stage, if any. */
    static Optional<StoredResource> publishingAs(RequestContext context, String stageArn, String participantId) {
        return context.store().list(StoredResourceType.INGEST_CONFIGURATION,
                        context.arnPrefix(StoredResourceType.INGEST_CONFIGURATION),
                        c -> isActive(c) && stageArn.equals(c.document().get("stageArn").asText())
                                && participantId.equals(c.document().get("participantId").asText()))
                .stream().findFirst();
    }

    /** The configuration no longer names a stage (its participant was disconnected by the service). */
    static void detach(StoredResource configuration) {
        configuration.document().put("stageArn", "");
        configuration.document().put("state", "INACTIVE");
    }

    /** Every configuration that names the stage stops naming it (DeleteStage). */
    static void detachStage(RequestContext context, String stageArn) {
        context.store().list(StoredResourceType.INGEST_CONFIGURATION,
                        context.arnPrefix(StoredResourceType.INGEST_CONFIGURATION),
                        c -> stageArn.equals(c.document().get("stageArn").asText()))
                .forEach(IngestConfigurationService::detach);
    }

    private static boolean isActive(StoredResource configuration) {
        return "ACTIVE".equals(configuration.document().get("state").asText());
    }

    private static StoredResource require(RequestContext context, String arn) {
        return Resources.require(context, StoredResourceType.INGEST_CONFIGURATION, arn);
    }

    /**
     * A named stage must exist. CreateIngestConfiguration models no 404, so a missing stage is reported as a
     * ValidationException naming the member.
     */
    private static void requireStageOrNone(RequestContext context, String stageArn) {
        if (!stageArn.isEmpty() && !Resources.exists(context, StoredResourceType.STAGE, stageArn)) {
            throw ApiException.validation("Value '" + stageArn + "' at 'stageArn' failed to satisfy constraint: "
                    + "no such stage in this account and region");
        }
    }

    private static ObjectNode wrap(ObjectNode configuration) {
        ObjectNode response = JsonDocuments.object();
        response.set("ingestConfiguration", configuration.deepCopy());
        return response;
    }
}
