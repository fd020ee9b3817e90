package com.ivsstack.examples.streamingplatform;

/**
 * One entry of the {@code creators} stack config list, as written in {@code Pulumi.<stack>.yaml}. Only
 * {@code name} is required; {@link CreatorChannel#fromConfig} checks every field and fills in defaults.
 *
 * @param name unique, 1-50 lowercase letters, digits and {@code -}; names the channel {@code creator-<name>}
 * @param latencyMode {@code LOW} (default) or {@code NORMAL}
 * @param channelType {@code STANDARD} (default), {@code BASIC}, {@code ADVANCED_SD} or {@code ADVANCED_HD}
 * @param record whether broadcasts are recorded to the shared recording configuration (default false)
 */
public record Creator(String name, String latencyMode, String channelType, Boolean record) {}
