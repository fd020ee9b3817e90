package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.schema.Values;
import software.amazon.awssdk.services.ivs.model.PlaybackRestrictionPolicy;
import software.amazon.awssdk.services.ivs.model.PlaybackRestrictionPolicySummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code ivs:index:PlaybackRestrictionPolicy}: everything updates in place (UpdatePlaybackRestrictionPolicy). */
public final class PlaybackRestrictionPolicyResource extends IvsResource {

    public static final String TOKEN = "ivs:index:PlaybackRestrictionPolicy";

    public PlaybackRestrictionPolicyResource(ResourceContext context) {
        super(context, TOKEN);
    }

    @Override
    protected void validate(Map<String, Object> inputs, Validator validator) {
        validator.string("name", inputs.get("name"), 0, 128, Validator.NAME_PATTERN,
                "a policy name has only letters, digits, - and _");
        var countries = Values.asList(inputs.get("allowedCountries"));
        if (countries != null) {
            for (int i = 0; i < countries.size(); i++) {
                validator.string(Values.index("allowedCountries", i), countries.get(i), 2, 2, "[A-Z]{2}",
                        "a country is an ISO 3166-1 alpha-2 code in capitals, such as US or DE");
            }
        }
        var origins = Values.asList(inputs.get("allowedOrigins"));
        if (origins != null) {
            for (int i = 0; i < origins.size(); i++) {
                validator.string(Values.index("allowedOrigins", i), origins.get(i), 0, 128, null, null);
            }
        }
    }

    @Override
    protected Live create(Map<String, Object> inputs, Map<String, String> tags, CreateRequest request) {
        try {
            var policy = api().ivs().createPlaybackRestrictionPolicy(b -> b
                    .name(Values.string(inputs, "name"))
                    .allowedCountries(Values.stringList(inputs.get("allowedCountries")))
                    .allowedOrigins(Values.stringList(inputs.get("allowedOrigins")))
                    .enableStrictOriginEnforcement(Values.bool(inputs, "enableStrictOriginEnforcement"))
                    .tags(tags)).playbackRestrictionPolicy();
            return new Live(policy.arn(), outputs(policy));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs, request), e, null);
        }
    }

    @Override
    protected Optional<Live> read(String id, Map<String, Object> oldInputs, Map<String, Object> oldOutputs) {
        return IvsApiException.emptyIfNotFound(() -> api().ivs().getPlaybackRestrictionPolicy(b -> b.arn(id)).playbackRestrictionPolicy())
                .map(found -> new Live(id, outputs(found)));
    }

    @Override
    protected Optional<String> findOwned(String urn, Map<String, Object> oldInputs) {
        var summaries = api().ivs().listPlaybackRestrictionPoliciesPaginator(b -> { }).stream()
                .flatMap(page -> page.playbackRestrictionPolicies().stream());
        return Ownership.find(summaries, PlaybackRestrictionPolicySummary::tags, PlaybackRestrictionPolicySummary::arn, urn);
    }

    @Override
    protected void updateInPlace(String id, Map<String, Object> oldInputs, Map<String, Object> news, UpdateRequest request) {
        try {
            api().ivs().updatePlaybackRestrictionPolicy(b -> b
                    .arn(id)
                    .name(Values.stringOrEmpty(news, "name"))
                    .allowedCountries(Values.stringList(news.get("allowedCountries")))
                    .allowedOrigins(Values.stringList(news.get("allowedOrigins")))
                    .enableStrictOriginEnforcement(Boolean.TRUE.equals(Values.bool(news, "enableStrictOriginEnforcement"))));
        } catch (IvsApiException e) {
            throw failure("updating", id, e, null);
        }
    }

    @Override
    protected void delete(String id, Map<String, Object> oldInputs, DeleteRequest request) {
        try {
            api().ivs().deletePlaybackRestrictionPolicy(b -> b.arn(id));
        } catch (IvsApiException e) {
            if (e.is(IvsApiException.Kind.CONFLICT)) {
                throw failure("deleting", id, e, "Channels probably still use it: remove playbackRestrictionPolicyArn "
                        + "from them first");
            }
            throw e;
        }
    }

    private static Map<String, Object> outputs(PlaybackRestrictionPolicy policy) {
        var outputs = new LinkedHashMap<String, Object>();
        outputs.put("arn", policy.arn());
        outputs.put("name", policy.name());
        outputs.put("allowedCountries", new ArrayList<>(policy.hasAllowedCountries() ? policy.allowedCountries() : List.of()));
        outputs.put("allowedOrigins", new ArrayList<>(policy.hasAllowedOrigins() ? policy.allowedOrigins() : List.of()));
        outputs.put("enableStrictOriginEnforcement", Boolean.TRUE.equals(policy.enableStrictOriginEnforcement()));
        outputs.put("tags", policy.tags() == null ? Map.of() : policy.tags());
        return outputs;
    }
}
