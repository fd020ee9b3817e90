package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.ProviderFunction;
import com.ivsstack.provider.aws.ArnParser;
import com.ivsstack.provider.aws.IvsApi;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.FunctionModel;
import com.ivsstack.provider.model.PropertyMap;
import com.ivsstack.provider.resource.Ownership;
import com.ivsstack.provider.resource.ResourceContext;
import com.ivsstack.pulumi.schema.FunctionSpec;
import com.ivsstack.provider.schema.InputChecker;
import com.ivsstack.provider.schema.SecretMarker;
import com.ivsstack.pulumi.value.PropertyValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every function shares: arguments checked against schema.json, secrets marked, ownership tag hidden; a function
 * is a class over its typed arguments {@code A} that validates them and returns its result.
 */
abstract class IvsFunction<A extends PropertyMap> implements ProviderFunction {

    protected final ResourceContext context;
    protected final FunctionSpec schema;
    private final FunctionModel<A> model;

    protected IvsFunction(ResourceContext context, FunctionModel<A> model) {
        this.context = context;
        this.schema = context.schema().function(model.token());
        this.model = model;
    }

    /** Checks that go beyond types and required arguments; add failures to {@code failures}. */
    protected void validate(A args, List<CheckFailure> failures) {
    }

    protected abstract PropertyMap call(A args);

    @Override
    public String token() {
        return schema.token().text();
    }

    @Override
    public Result invoke(Map<String, Object> args) {
        var checked = InputChecker.check(context.schema(), token(), schema.arguments(), args == null ? Map.of() : args);
        var failures = new ArrayList<>(checked.failures());
        var plain = new LinkedHashMap<String, Object>();
        checked.values().forEach((k, v) -> plain.put(k, PropertyValues.deepUnwrap(v)));
        var arguments = model.arguments(plain);
        validate(arguments, failures);
        if (!failures.isEmpty()) {
            return new Result(Map.of(), failures);
        }
        var value = new LinkedHashMap<>(call(arguments).asMap());
        value.values().removeIf(v -> v == null);
        value.computeIfPresent("tags", (k, v) -> new LinkedHashMap<String, Object>(Ownership.visible(PropertyValues.stringMap(v))));
        return Result.of(SecretMarker.mark(context.schema(), schema.outputs(), value));
    }

    protected IvsApi api() {
        return context.api();
    }

    /** Fails {@code property} unless {@code arn} (when given) is an IVS ARN of {@code resourceType}. */
    protected static void requireArnOf(String resourceType, String property, String arn, List<CheckFailure> failures) {
        if (arn != null && !ArnParser.isArnOf(resourceType, arn)) {
            failures.add(new CheckFailure(property, PropertyValues.show(arn) + " is not an IVS " + resourceType + " ARN"));
        }
    }

    /** The result of reading {@code arn}; its failures are the errors every lookup gives (not found, or AWS's). */
    protected <T> T readByArn(String type, String arn, Supplier<T> read) {
        try {
            return read.get();
        } catch (IvsApiException e) {
            if (e.is(IvsApiException.Kind.NOT_FOUND)) {
                throw notFound(type, arn);
            }
            throw failure(type, arn, e);
        }
    }

    protected ProviderException failure(String type, String id, IvsApiException e) {
        return new ProviderException("reading IVS " + type + " (" + id + "): " + e.awsMessage() + ". " + e.kind().advice(), e);
    }

    protected ProviderException notFound(String type, String id) {
        return new ProviderException("reading IVS " + type + " (" + id + "): not found. Check the ARN, and that the "
                + "provider's region (" + api().region() + ") is the resource's region");
    }
}
