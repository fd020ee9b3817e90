package com.ivsstack.provider.model;

import java.util.Map;

/**
 * A resource type's models: its token, its inputs and its outputs as typed views. Generated from schema.json, one per
 * resource, in {@code ResourceModels}.
 */
public interface ResourceModel<I extends PropertyMap, O extends PropertyMap> {

    String token();

    I inputs(Map<String, Object> values);

    O outputs(Map<String, Object> values);
}
