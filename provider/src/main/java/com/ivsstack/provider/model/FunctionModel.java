package com.ivsstack.provider.model;

import java.util.Map;

/** A function's token and its arguments as a typed view. Generated from schema.json, one per function, in {@code FunctionModels}. */
public interface FunctionModel<A extends PropertyMap> {

    String token();

    A arguments(Map<String, Object> values);
}
