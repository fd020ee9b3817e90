package com.ivsstack.provider.aws;

import java.util.Collection;
import java.util.Map;

/** The tags of any IVS or IVS RealTime resource, by ARN: each service tags its own resources. */
public final class Tagging {

    private final AwsClients clients;

    Tagging(AwsClients clients) {
        this.clients = clients;
    }

    /** Adds or overwrites tags. */
    public void tag(String arn, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        if (ArnParser.isRealTime(arn)) {
            clients.realTime().tagResource(b -> b.resourceArn(arn).tags(tags));
        } else {
            clients.ivs().tagResource(b -> b.resourceArn(arn).tags(tags));
        }
    }

    /** Removes tag keys. */
    public void untag(String arn, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        if (ArnParser.isRealTime(arn)) {
            clients.realTime().untagResource(b -> b.resourceArn(arn).tagKeys(keys));
        } else {
            clients.ivs().untagResource(b -> b.resourceArn(arn).tagKeys(keys));
        }
    }

    /** The live tags. */
    public Map<String, String> tags(String arn) {
        if (ArnParser.isRealTime(arn)) {
            return clients.realTime().listTagsForResource(b -> b.resourceArn(arn)).tags();
        }
        return clients.ivs().listTagsForResource(b -> b.resourceArn(arn)).tags();
    }
}
