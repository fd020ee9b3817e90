package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.model.FunctionModels;
import com.ivsstack.provider.model.realtime.GetIngestConfigurationArgs;
import com.ivsstack.provider.model.realtime.GetIngestConfigurationResult;
import com.ivsstack.provider.resource.IngestConfigurationResource;
import com.ivsstack.provider.resource.ResourceContext;

import java.util.List;

/**
 * {@code ivs:realtime:getIngestConfiguration}: an IVS RealTime ingest configuration by ARN, its stream key secret.
 * IVS never returns {@code insecureIngest}, so the result has none.
 */
public final class GetIngestConfigurationFunction extends IvsFunction<GetIngestConfigurationArgs> {

    public static final String TOKEN = GetIngestConfigurationArgs.TOKEN;

    public GetIngestConfigurationFunction(ResourceContext context) {
        super(context, FunctionModels.GET_INGEST_CONFIGURATION);
    }

    @Override
    protected void validate(GetIngestConfigurationArgs args, List<CheckFailure> failures) {
        requireArnOf("ingest-configuration", GetIngestConfigurationArgs.ARN, args.arn(), failures);
    }

    @Override
    protected GetIngestConfigurationResult call(GetIngestConfigurationArgs args) {
        String arn = args.arn();
        return readByArn("IngestConfiguration", arn, () -> GetIngestConfigurationResult.from(IngestConfigurationResource
                .outputs(api().realTime().getIngestConfiguration(b -> b.arn(arn)).ingestConfiguration(), null)));
    }
}
