package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.PropertyMap;
import com.ivsstack.provider.model.ResourceModel;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionState;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionSummary;
import software.amazon.awssdk.services.ivsrealtime.model.ListCompositionsRequest;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An IVS RealTime configuration that compositions use (encoder, storage): only tags update in place, and IVS refuses
 * to delete one while a composition uses it, so the delete error names those compositions (and whatever else uses it).
 */
abstract class CompositionConfigurationResource<I extends PropertyMap, O extends PropertyMap> extends IvsResource<I, O> {

    protected CompositionConfigurationResource(ResourceContext context, ResourceModel<I, O> model) {
        super(context, model);
    }

    /** The Delete call of the configuration type. */
    protected abstract void deleteConfiguration(String arn);

    /** The ARNs of the running compositions that use the configuration. */
    protected abstract List<String> compositionsUsing(String arn);

    @Override
    protected final void delete(String id, I oldInputs, DeleteRequest request) {
        try {
            deleteConfiguration(id);
        } catch (IvsApiException e) {
            if (!e.is(IvsApiException.Kind.CONFLICT)) {
                throw e;
            }
            throw failure("deleting", id, e, whatUsesIt(id));
        }
    }

    /** Why IVS refused the delete (409), in words, with the way out: by default, the compositions that use it. */
    protected String whatUsesIt(String arn) {
        var compositions = compositionsUsing(arn);
        return "It is used by composition(s) "
                + (compositions.isEmpty() ? "(none found by ListCompositions)" : String.join(", ", compositions))
                + "; stop them (StopComposition) and run again";
    }

    /** Compositions that are neither STOPPED nor FAILED, every page; {@code filter} narrows ListCompositions. */
    protected Stream<CompositionSummary> runningCompositions(Consumer<ListCompositionsRequest.Builder> filter) {
        return api().realTime().listCompositionsPaginator(filter).stream()
                .flatMap(page -> page.compositions().stream())
                .filter(c -> c.state() != CompositionState.STOPPED && c.state() != CompositionState.FAILED);
    }
}
