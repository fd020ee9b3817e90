package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.FunctionModels;
import com.ivsstack.provider.model.realtime.GetStagesArgs;
import com.ivsstack.provider.model.realtime.GetStagesResult;
import com.ivsstack.provider.model.realtime.StageSummary;
import com.ivsstack.provider.resource.Ownership;
import com.ivsstack.provider.resource.ResourceContext;
import com.ivsstack.provider.resource.Validator;
import com.ivsstack.pulumi.value.PropertyValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ivs:realtime:getStages}: the stages of the region, every page. ListStages has no filter of its own, so a
 * {@code name} is matched here, exactly.
 */
public final class GetStagesFunction extends IvsFunction<GetStagesArgs> {

    public static final String TOKEN = GetStagesArgs.TOKEN;

    public GetStagesFunction(ResourceContext context) {
        super(context, FunctionModels.GET_STAGES);
    }

    @Override
    protected void validate(GetStagesArgs args, List<CheckFailure> failures) {
        String name = args.name();
        if (name != null && (name.length() > 128 || !name.matches(Validator.NAME_PATTERN))) {
            failures.add(new CheckFailure(GetStagesArgs.NAME, PropertyValues.show(name)
                    + " is not a stage name (0-128 letters, digits, - and _)"));
        }
    }

    @Override
    protected GetStagesResult call(GetStagesArgs args) {
        var arns = new ArrayList<String>();
        var stages = new ArrayList<StageSummary>();
        try {
            api().realTime().listStagesPaginator(b -> { }).stream()
                    .flatMap(page -> page.stages().stream())
                    .filter(stage -> args.name() == null || args.name().equals(stage.name()))
                    .forEach(stage -> {
                        arns.add(stage.arn());
                        stages.add(StageSummary.builder()
                                .arn(stage.arn())
                                .name(stage.name())
                                .activeSessionId(stage.activeSessionId() == null ? "" : stage.activeSessionId())
                                .tags(Ownership.visible(stage.tags() == null ? Map.of() : stage.tags()))
                                .build());
                    });
        } catch (IvsApiException e) {
            throw failure("Stage", "list", e);
        }
        return GetStagesResult.builder().arns(arns).stages(stages).build();
    }
}
