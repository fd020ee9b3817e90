package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.PlaybackRestrictionPolicyInputs;
import com.ivsstack.provider.model.PlaybackRestrictionPolicyOutputs;
import com.ivsstack.provider.model.ResourceModels;
import com.ivsstack.pulumi.value.PropertyValues;
import software.amazon.awssdk.services.ivs.model.PlaybackRestrictionPolicy;
import software.amazon.awssdk.services.ivs.model.PlaybackRestrictionPolicySummary;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code ivs:index:PlaybackRestrictionPolicy}: everything updates in place (UpdatePlaybackRestrictionPolicy). */
public final class PlaybackRestrictionPolicyResource
        extends IvsResource<PlaybackRestrictionPolicyInputs, PlaybackRestrictionPolicyOutputs> {

    public static final String TOKEN = PlaybackRestrictionPolicyInputs.TOKEN;

    public PlaybackRestrictionPolicyResource(ResourceContext context) {
        super(context, ResourceModels.PLAYBACK_RESTRICTION_POLICY);
    }

    @Override
    protected void validate(PlaybackRestrictionPolicyInputs inputs, Validator validator) {
        validator.string(PlaybackRestrictionPolicyInputs.NAME, inputs.name(), 0, 128, Validator.NAME_PATTERN,
                "a policy name has only letters, digits, - and _");
        var countries = PropertyValues.asList(inputs.get(PlaybackRestrictionPolicyInputs.ALLOWED_COUNTRIES));
        if (countries != null) {
            for (int i = 0; i < countries.size(); i++) {
                validator.string(PropertyValues.index(PlaybackRestrictionPolicyInputs.ALLOWED_COUNTRIES, i), countries.get(i), 2, 2,
                        "[A-Z]{2}", "a country is an ISO 3166-1 alpha-2 code in capitals, such as US or DE");
            }
        }
        var origins = PropertyValues.asList(inputs.get(PlaybackRestrictionPolicyInputs.ALLOWED_ORIGINS));
        if (origins != null) {
            for (int i = 0; i < origins.size(); i++) {
                validator.string(PropertyValues.index(PlaybackRestrictionPolicyInputs.ALLOWED_ORIGINS, i), origins.get(i), 0, 128,
                        null, null);
            }
        }
    }

    @Override
    protected Live<PlaybackRestrictionPolicyOutputs> create(PlaybackRestrictionPolicyInputs inputs,
                                                            Map<String, String> tags, CreateRequest request) {
        try {
            var policy = api().ivs().createPlaybackRestrictionPolicy(b -> b
                    .name(inputs.name())
                    .allowedCountries(inputs.allowedCountries())
                    .allowedOrigins(inputs.allowedOrigins())
                    .enableStrictOriginEnforcement(inputs.enableStrictOriginEnforcement())
                    .tags(tags)).playbackRestrictionPolicy();
            return new Live<>(policy.arn(), outputs(policy));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs.name(), request), e, null);
        }
    }

    @Override
    protected Optional<Live<PlaybackRestrictionPolicyOutputs>> read(String id, PlaybackRestrictionPolicyInputs oldInputs,
                                                                    PlaybackRestrictionPolicyOutputs oldOutputs) {
        return IvsApiException.emptyIfNotFound(() -> api().ivs().getPlaybackRestrictionPolicy(b -> b.arn(id)).playbackRestrictionPolicy())
                .map(found -> new Live<>(id, outputs(found)));
    }

    @Override
    protected Optional<String> findOwned(String urn, PlaybackRestrictionPolicyInputs oldInputs) {
        var summaries = api().ivs().listPlaybackRestrictionPoliciesPaginator(b -> { }).stream()
                .flatMap(page -> page.playbackRestrictionPolicies().stream());
        return Ownership.find(summaries, PlaybackRestrictionPolicySummary::tags, PlaybackRestrictionPolicySummary::arn, urn);
    }

    @Override
    protected void updateInPlace(String id, PlaybackRestrictionPolicyInputs oldInputs,
                                 PlaybackRestrictionPolicyInputs news, UpdateRequest request) {
        try {
            api().ivs().updatePlaybackRestrictionPolicy(b -> b
                    .arn(id)
                    .name(orNone(news.name()))
                    .allowedCountries(news.allowedCountries())
                    .allowedOrigins(news.allowedOrigins())
                    .enableStrictOriginEnforcement(Boolean.TRUE.equals(news.enableStrictOriginEnforcement())));
        } catch (IvsApiException e) {
            throw failure("updating", id, e, null);
        }
    }

    @Override
    protected void delete(String id, PlaybackRestrictionPolicyInputs oldInputs, DeleteRequest request) {
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

    private static PlaybackRestrictionPolicyOutputs outputs(PlaybackRestrictionPolicy policy) {
        return PlaybackRestrictionPolicyOutputs.builder()
                .arn(policy.arn())
                .name(policy.name())
                .allowedCountries(policy.hasAllowedCountries() ? policy.allowedCountries() : List.of())
                .allowedOrigins(policy.hasAllowedOrigins() ? policy.allowedOrigins() : List.of())
                .enableStrictOriginEnforcement(Boolean.TRUE.equals(policy.enableStrictOriginEnforcement()))
                .tags(policy.tags() == null ? Map.of() : policy.tags())
                .build();
    }
}
