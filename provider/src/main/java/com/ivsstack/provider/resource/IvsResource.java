package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.CheckResult;
import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.CreateResult;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.DiffRequest;
import com.ivsstack.provider.api.DiffResult;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.ReadRequest;
import com.ivsstack.provider.api.ReadResult;
import com.ivsstack.provider.api.ResourceInitFailedException;
import com.ivsstack.provider.api.ResourceHandler;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.Unknown;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.api.UpdateResult;
import com.ivsstack.provider.aws.IvsApi;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.PropertyMap;
import com.ivsstack.provider.model.ResourceModel;
import com.ivsstack.provider.schema.InputChecker;
import com.ivsstack.provider.schema.PropertyDiffer;
import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.ResourceSpec;
import com.ivsstack.provider.schema.SecretMarker;
import com.ivsstack.pulumi.value.PropertyValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What every IVS resource type shares: a resource type is a class over its typed inputs {@code I} and outputs
 * {@code O} (generated from schema.json) that creates, reads, updates and deletes; this class does the rest. Check and
 * diff are generic, driven by schema.json, with hooks for the constraints and normal forms of each type;
 * create/read/update/delete handle preview, tags (with defaultTags and the ownership tag), secrets and not-found
 * uniformly and leave the AWS calls to the subclass.
 *
 * @param <I> the inputs, as check returned them (secrets unwrapped)
 * @param <O> the outputs
 */
public abstract class IvsResource<I extends PropertyMap, O extends PropertyMap> implements ResourceHandler {

    /** The property of every taggable resource's tags, in inputs and outputs (the AWS providers' convention). */
    protected static final String TAGS = "tags";

    protected final ResourceContext context;
    protected final ResourceSpec schema;
    private final PackageSchema packageSchema;
    private final ResourceModel<I, O> model;

    protected IvsResource(ResourceContext context, ResourceModel<I, O> model) {
        this.context = context;
        this.packageSchema = context.schema();
        this.schema = packageSchema.resource(model.token());
        this.model = model;
    }

    /** What AWS returned for a resource: its id and outputs (the inputs they imply are derived from the outputs). */
    protected record Live<O extends PropertyMap>(String id, O outputs) {
    }

    // ---- hooks -------------------------------------------------------------------------------------------------

    /** Model constraints beyond types and enums; {@code inputs} has defaults applied and may hold unknowns. */
    protected abstract void validate(I inputs, Validator validator);

    /**
     * The inputs in the normal form that diff compares: the same resource always gives the same form, whether the
     * inputs were declared by the user or read back from AWS (which fills in defaults). The default form applies the
     * schema's defaults and treats empty strings, lists and maps as absent.
     */
    protected Map<String, Object> normalize(Map<String, Object> inputs) {
        return withoutEmpties(InputChecker.withDefaults(packageSchema, schema.inputs(), inputs));
    }

    /** Whether a replacement must delete the old resource first (a quota allows only one). */
    protected boolean deleteBeforeReplace() {
        return false;
    }

    /** Creates the resource in AWS; {@code tags} already holds defaultTags and the ownership tag. */
    protected abstract Live<O> create(I inputs, Map<String, String> tags, CreateRequest request);

    /**
     * Reads the resource by id; empty when it no longer exists. Properties AWS never returns (a public key, a
     * rotation trigger) come from {@code oldInputs}; {@code oldOutputs} may save calls.
     */
    protected abstract Optional<Live<O>> read(String id, I oldInputs, O oldOutputs);

    /** Finds the id of the resource that {@code urn} created, by the ownership tag. */
    protected abstract Optional<String> findOwned(String urn, I oldInputs);

    /**
     * Changes the in-place properties (tags are synchronised by the caller afterwards). By default there are none:
     * most IVS resources change only their tags in place.
     */
    protected void updateInPlace(String id, I oldInputs, I news, UpdateRequest request) {
    }

    /** Deletes the resource; returns normally when it is already gone. */
    protected abstract void delete(String id, I oldInputs, DeleteRequest request);

    // ---- ResourceHandler -----------------------------------------------------------------------------------------

    @Override
    public String token() {
        return schema.token().text();
    }

    public ResourceSpec schema() {
        return schema;
    }

    protected String typeName() {
        return schema.token().name();
    }

    protected IvsApi api() {
        return context.api();
    }

    @Override
    public CheckResult check(CheckRequest request) {
        var news = new LinkedHashMap<>(request.news() == null ? Map.<String, Object>of() : request.news());
        mergeDefaultTags(news);
        var checked = InputChecker.check(packageSchema, token(), schema.inputs(), news);
        var failures = new ArrayList<>(checked.failures());
        var validator = new Validator();
        validator.tags(TAGS, checked.values().get(TAGS));
        validate(inputs(checked.values()), validator);
        failures.addAll(validator.failures());
        return new CheckResult(checked.values(), failures);
    }

    private void mergeDefaultTags(Map<String, Object> news) {
        var defaults = context.config().defaultTags();
        if (defaults.isEmpty() || schema.inputs().property(TAGS) == null) {
            return;
        }
        Object tags = news.get(TAGS);
        if (tags != null && PropertyValues.asMap(tags) == null) {
            return; // unknown or malformed: merged once known, reported by the type check
        }
        var merged = new LinkedHashMap<String, Object>(defaults);
        if (tags != null) {
            merged.putAll(PropertyValues.asMap(tags));
        }
        news.put(TAGS, tags instanceof Secret ? new Secret(merged) : merged);
    }

    @Override
    public DiffResult diff(DiffRequest request) {
        var olds = normalize(plainView(request.oldInputs()));
        var news = normalize(plainView(request.news()));
        var detailed = PropertyDiffer.diff(packageSchema, schema.inputs(), olds, news, request.ignoreChanges());
        return new DiffResult(detailed, deleteBeforeReplace());
    }

    @Override
    public CreateResult create(CreateRequest request) {
        if (request.preview()) {
            return new CreateResult("", previewOutputs(request.inputs(), Map.of()));
        }
        var inputs = inputs(request.inputs());
        var tags = Ownership.tagsForCreate(tagsOf(inputs), request.urn());
        Live<O> live;
        try {
            live = create(inputs, tags, request);
        } catch (ResourceInitFailedException e) {
            // the partial outputs go into state like any outputs: inputs repeated, ownership tag hidden, secrets marked
            var partial = new LinkedHashMap<>(request.inputs());
            partial.putAll(e.outputs());
            throw new ResourceInitFailedException(e.id(), finishOutputs(partial, request.inputs()), e.reasons(), e.getCause());
        }
        return new CreateResult(live.id(), finishOutputs(live.outputs().asMap(), request.inputs()));
    }

    @Override
    public ReadResult read(ReadRequest request) {
        var oldInputs = request.oldInputs() == null ? Map.<String, Object>of() : request.oldInputs();
        String id = request.id();
        if (id == null || id.isEmpty()) {
            var owned = findOwnedOrFail(request.urn(), inputs(oldInputs));
            if (owned.isEmpty()) {
                return ReadResult.gone();
            }
            id = owned.get();
        }
        Optional<Live<O>> live;
        try {
            live = read(id, inputs(oldInputs), outputs(request.oldOutputs()));
        } catch (IvsApiException e) {
            if (e.is(IvsApiException.Kind.NOT_FOUND)) {
                return ReadResult.gone();
            }
            throw failure("reading", id, e, null);
        }
        if (live.isEmpty()) {
            return ReadResult.gone();
        }
        var outputs = finishOutputs(live.get().outputs().asMap(), oldInputs);
        return new ReadResult(live.get().id(), outputs, inputsFrom(outputs, oldInputs));
    }

    @Override
    public UpdateResult update(UpdateRequest request) {
        var oldOutputs = request.oldOutputs() == null ? Map.<String, Object>of() : request.oldOutputs();
        if (request.preview()) {
            return new UpdateResult(previewOutputs(request.news(), oldOutputs));
        }
        var oldInputs = inputs(request.oldInputs());
        var news = inputs(request.news());
        var changes = PropertyDiffer.diff(packageSchema, schema.inputs(), normalize(oldInputs.asMap()), normalize(news.asMap()),
                List.of());
        boolean onlyTags = changes.keySet().stream().allMatch(path -> DiffResult.topLevelKey(path).equals(TAGS));
        if (!changes.isEmpty() && !onlyTags) {
            updateInPlace(request.id(), oldInputs, news, request);
        }
        syncTags(request.id(), tagsOf(news));
        Optional<Live<O>> live;
        try {
            live = read(request.id(), news, outputs(oldOutputs));
        } catch (IvsApiException e) {
            throw failure("updating", request.id(), e, "The update was applied but reading the result failed; run refresh");
        }
        var updated = live.orElseThrow(() -> new ProviderException(message("updating", request.id(),
                "it disappeared during the update", "Run refresh, then up again")));
        return new UpdateResult(finishOutputs(updated.outputs().asMap(), request.news()));
    }

    @Override
    public void delete(DeleteRequest request) {
        var oldInputs = request.oldInputs() == null ? Map.<String, Object>of() : request.oldInputs();
        try {
            delete(request.id(), inputs(oldInputs), request);
        } catch (IvsApiException e) {
            if (!e.is(IvsApiException.Kind.NOT_FOUND)) {
                throw failure("deleting", request.id(), e, null);
            }
        }
    }

    /** {@link #findOwned}, its AWS failures reported like every other call's (with the cause's advice). */
    private Optional<String> findOwnedOrFail(String urn, I oldInputs) {
        try {
            return findOwned(urn, oldInputs);
        } catch (IvsApiException e) {
            throw failure("looking up", urn == null ? "" : urn.substring(urn.lastIndexOf("::") + 2), e, null);
        }
    }

    // ---- shared helpers ---------------------------------------------------------------------------------------

    /** Makes the live tags equal {@code desired} (the ownership tag is kept). */
    protected void syncTags(String arn, Map<String, String> desired) {
        try {
            var live = api().tags().tags(arn);
            var visible = Ownership.visible(live);
            var toSet = new LinkedHashMap<String, String>();
            desired.forEach((k, v) -> {
                if (!v.equals(visible.get(k))) {
                    toSet.put(k, v);
                }
            });
            var toRemove = visible.keySet().stream().filter(k -> !desired.containsKey(k)).toList();
            api().tags().untag(arn, toRemove);
            api().tags().tag(arn, toSet);
        } catch (IvsApiException e) {
            throw failure("updating", arn, e, "Tags are applied with TagResource and UntagResource; run again");
        }
    }

    /** {@code value}, or "" when there is none: IVS's way of saying "none" in updates and outputs. */
    protected static String orNone(String value) {
        return value == null ? "" : value;
    }

    /** The error message every operation uses: "&lt;action&gt; IVS &lt;Type&gt; (&lt;id&gt;): &lt;cause&gt;. &lt;fix&gt;". */
    protected ProviderException failure(String action, String id, IvsApiException e, String fix) {
        return new ProviderException(message(action, id, e.awsMessage(), fix == null ? e.kind().advice() : fix), e);
    }

    protected String message(String action, String id, String cause, String fix) {
        String text = describe(action, id) + ": " + stripPeriod(cause);
        return fix == null ? text : text + ". " + stripPeriod(fix);
    }

    /** "&lt;action&gt; IVS &lt;Type&gt; (&lt;id&gt;)", the head of every error message. */
    protected String describe(String action, String id) {
        return action + " IVS " + typeName() + (id == null || id.isEmpty() ? "" : " (" + id + ")");
    }

    private static String stripPeriod(String text) {
        return text != null && text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** What to call a resource that has no ARN yet: its IVS {@code name}, else its name in the program (from the URN). */
    protected static String subject(String name, CreateRequest request) {
        if (name != null && !name.isEmpty()) {
            return name;
        }
        String urn = request.urn();
        return urn == null ? "" : urn.substring(urn.lastIndexOf("::") + 2);
    }

    /** Outputs during preview: the inputs, the old outputs for what stays, unknowns for what AWS computes. */
    private Map<String, Object> previewOutputs(Map<String, Object> inputs, Map<String, Object> oldOutputs) {
        var outputs = new LinkedHashMap<String, Object>();
        for (String name : schema.outputs().declared().keySet()) {
            if (inputs.containsKey(name)) {
                outputs.put(name, inputs.get(name));
            } else if (schema.inputs().property(name) != null) {
                continue; // an input left out stays out
            } else if (oldOutputs.containsKey(name)) {
                outputs.put(name, oldOutputs.get(name));
            } else {
                outputs.put(name, Unknown.VALUE);
            }
        }
        return outputs;
    }

    /** Removes the ownership tag, drops nulls, and wraps what schema.json (or the user, by input) marks secret. */
    private Map<String, Object> finishOutputs(Map<String, Object> raw, Map<String, Object> inputs) {
        var outputs = new LinkedHashMap<String, Object>();
        raw.forEach((k, v) -> {
            if (v != null) {
                outputs.put(k, k.equals(TAGS) ? new LinkedHashMap<String, Object>(Ownership.visible(PropertyValues.stringMap(v))) : v);
            }
        });
        var marked = SecretMarker.mark(packageSchema, schema.outputs(), outputs);
        if (inputs != null) {
            inputs.forEach((k, v) -> {
                if (v instanceof Secret && marked.containsKey(k)) {
                    marked.put(k, Secret.wrap(marked.get(k)));
                }
            });
        }
        return marked;
    }

    /** The inputs that produce {@code outputs}, as check would return them (refresh and import store these). */
    private Map<String, Object> inputsFrom(Map<String, Object> outputs, Map<String, Object> oldInputs) {
        var inputs = new LinkedHashMap<String, Object>();
        for (String name : schema.inputs().declared().keySet()) {
            Object value = outputs.get(name);
            if (value == null) {
                continue;
            }
            if (PropertyValues.same(value, "") && !oldInputs.containsKey(name)) {
                continue; // AWS's "none"; the user left it out
            }
            boolean secretInput = oldInputs.get(name) instanceof Secret;
            inputs.put(name, secretInput ? Secret.wrap(Secret.unwrap(value)) : value);
        }
        return InputChecker.withDefaults(packageSchema, schema.inputs(), inputs);
    }

    /** The typed inputs of a property map, secrets unwrapped at every depth, unknowns kept. */
    protected I inputs(Map<String, Object> values) {
        return model.inputs(plainView(values));
    }

    /** The typed outputs of a property map, secrets unwrapped at every depth. */
    protected O outputs(Map<String, Object> values) {
        return model.outputs(plainView(values));
    }

    /** The tags of taggable inputs; empty for a type without tags. */
    private static Map<String, String> tagsOf(PropertyMap inputs) {
        return PropertyValues.stringMap(inputs.get(TAGS));
    }

    /** Inputs with secret wrappers removed at the top level and below; unknowns kept. */
    protected static Map<String, Object> plainView(Map<String, Object> inputs) {
        var result = new LinkedHashMap<String, Object>();
        if (inputs != null) {
            inputs.forEach((k, v) -> result.put(k, PropertyValues.deepUnwrap(v)));
        }
        return result;
    }

    /** A list of names in one order and once each, as IVS reports it back; unknown stays unknown. */
    protected static Object sortedUnlessUnknown(Object list) {
        return PropertyValues.isUnknown(list) ? list : new ArrayList<>(new TreeSet<>(PropertyValues.stringList(list)));
    }

    /** The map, or an empty one for null. */
    protected static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }

    /** Removes empty strings, lists and maps at every depth: AWS reports "none" in several ways. */
    protected static Map<String, Object> withoutEmpties(Map<String, Object> map) {
        var result = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> {
            Object cleaned = v instanceof Map<?, ?> m ? withoutEmpties(PropertyValues.asMap(m)) : v;
            boolean empty = cleaned == null || "".equals(cleaned)
                    || (cleaned instanceof Map<?, ?> mm && mm.isEmpty())
                    || (cleaned instanceof List<?> list && list.isEmpty());
            if (!empty) {
                result.put(k, cleaned);
            }
        });
        return result;
    }
}
