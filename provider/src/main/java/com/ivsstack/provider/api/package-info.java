/**
 * The provider's own protocol-neutral API: what the gRPC plugin adapter calls and what every resource type
 * implements. Nothing here knows gRPC, protobuf or Pulumi's wire encodings; the adapter translates.
 *
 * <p>Property values are plain Java objects, as Jackson would read JSON: {@code null}, {@link java.lang.String},
 * {@link java.lang.Boolean}, {@link java.lang.Number} (integral values may arrive as {@code Double}), {@code List<Object>},
 * {@code Map<String, Object>}, plus two markers: {@link com.ivsstack.pulumi.value.Unknown#VALUE} for a value not known
 * yet (preview) and {@link com.ivsstack.pulumi.value.Secret} wrapping a value that must stay secret. Resource references
 * arrive as their id (or URN when the id is not known).
 */
package com.ivsstack.provider.api;
