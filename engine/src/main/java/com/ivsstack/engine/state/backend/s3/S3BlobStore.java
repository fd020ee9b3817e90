package com.ivsstack.engine.state.backend.s3;

import com.ivsstack.engine.state.backend.BackendException;
import com.ivsstack.engine.state.backend.BackendException.Kind;
import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.state.backend.BlobStore;
import com.ivsstack.engine.state.backend.VersionConflictException;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Objects in an S3 bucket (or an S3-compatible store), as Pulumi's {@code s3://} backend keeps them. The version of
 * an object is its ETag; a conditional write is a PutObject with {@code If-Match} (or {@code If-None-Match: *} for
 * one that must not exist yet), which S3 refuses with 412 when the object changed. Transient failures (500s, dropped
 * connections) are retried by the SDK; a conditional write retried after its first attempt landed gets 412 from its
 * own change, so a 412 is checked against the object's ETag, which for a single-part upload is the MD5 of its bytes.
 */
public final class S3BlobStore implements BlobStore {
    /** S3 answers 412 to a failed precondition, 409 to a conditional write that raced another one. */
    private static final int PRECONDITION_FAILED = 412;
    private static final int CONFLICT = 409;

    private final BackendUrl url;
    private final String bucket;
    private final String prefix;
    private final S3Client s3;

    /**
     * @param environment the process environment as the CLI sees it (in production {@code System.getenv()}): its AWS
     *                    variables come first, as in the SDK's default chain, which then covers the rest (files,
     *                    web identity, container and instance credentials)
     */
    public S3BlobStore(BackendUrl url, Map<String, String> environment) {
        this.url = url;
        this.bucket = url.bucket();
        this.prefix = url.keyPrefix();
        this.s3 = client(url, environment);
    }

    private static S3Client client(BackendUrl url, Map<String, String> environment) {
        String profile = url.parameter("profile") != null ? url.parameter("profile") : environment.get("AWS_PROFILE");
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(6)));
        builder.credentialsProvider(credentials(url, environment, profile));
        builder.region(region(url, environment, profile));
        String endpoint = url.parameter("endpoint");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        builder.forcePathStyle("true".equals(url.parameter("s3ForcePathStyle")) || "true".equals(url.parameter("use_path_style")));
        // As Pulumi does for a custom endpoint: checksums only where S3 requires them, unless the URL says otherwise
        // (S3-compatible stores differ in the checksums they accept).
        String requestChecksums = url.parameter("request_checksum_calculation");
        if (requestChecksums == null && endpoint != null) {
            requestChecksums = "when_required";
        }
        if (requestChecksums != null) {
            builder.requestChecksumCalculation(requestChecksums.equals("when_required")
                    ? RequestChecksumCalculation.WHEN_REQUIRED : RequestChecksumCalculation.WHEN_SUPPORTED);
        }
        String responseChecksums = url.parameter("response_checksum_validation");
        if (responseChecksums != null) {
            builder.responseChecksumValidation(responseChecksums.equals("when_required")
                    ? ResponseChecksumValidation.WHEN_REQUIRED : ResponseChecksumValidation.WHEN_SUPPORTED);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(BackendUrl url, Map<String, String> environment, String profile) {
        String key = environment.get("AWS_ACCESS_KEY_ID");
        String secret = environment.get("AWS_SECRET_ACCESS_KEY");
        if (url.parameter("profile") == null && key != null && secret != null) {
            String token = environment.get("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(token == null ? AwsBasicCredentials.create(key, secret)
                    : AwsSessionCredentials.create(key, secret, token));
        }
        return profile != null ? ProfileCredentialsProvider.builder().profileName(profile).build()
                : DefaultCredentialsProvider.builder().build();
    }

    /** The URL's region, else the environment's, else the SDK's chain (profile), else us-east-1 as gocloud.dev's. */
    private static Region region(BackendUrl url, Map<String, String> environment, String profile) {
        String region = url.parameter("region");
        if (region == null) {
            region = environment.getOrDefault("AWS_REGION", environment.get("AWS_DEFAULT_REGION"));
        }
        if (region != null) {
            return Region.of(region);
        }
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            if (profile != null) {
                chain.profileName(profile).profileFile(ProfileFile::defaultProfileFile);
            }
            return chain.build().getRegion();
        } catch (SdkClientException e) {
            return Region.US_EAST_1;
        }
    }

    @Override
    public BackendUrl url() {
        return url;
    }

    private String key(String key) {
        return prefix + key;
    }

    @Override
    public Optional<Blob> read(String key) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key(key)));
            return Optional.of(new Blob(object.asByteArray(), object.response().eTag(), object.response().lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key(key))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !isNoSuchBucket(e)) {
                return Optional.empty(); // HEAD has no body, so no error code: a 404 is the key
            }
            throw failure("read", key, e);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public String write(String key, byte[] data) {
        try {
            return s3.putObject(put(key).build(), RequestBody.fromBytes(data)).eTag();
        } catch (SdkException e) {
            throw failure("write", key, e);
        }
    }

    private PutObjectRequest.Builder put(String key) {
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(key(key))
                .contentType("application/octet-stream");
        String sse = url.parameter("ssetype");
        if (sse != null) {
            put.serverSideEncryption(ServerSideEncryption.fromValue(sse));
            if (url.parameter("kmskeyid") != null) {
                put.ssekmsKeyId(url.parameter("kmskeyid"));
            }
        }
        return put;
    }

    @Override
    public String writeIf(String key, byte[] data, int length, String expectedVersion) {
        PutObjectRequest.Builder put = put(key);
        if (expectedVersion == null) {
            put.ifNoneMatch("*");
        } else {
            put.ifMatch(expectedVersion);
        }
        try {
            // Streamed from the buffer, not copied: each attempt of the SDK's reads it anew.
            return s3.putObject(put.build(), RequestBody.fromContentProvider(
                    () -> new ByteArrayInputStream(data, 0, length), length, "application/octet-stream")).eTag();
        } catch (S3Exception e) {
            if (e.statusCode() != PRECONDITION_FAILED && e.statusCode() != CONFLICT) {
                return landedAnyway(key, data, length, e);
            }
            // Our own earlier attempt may be what changed it (its answer was lost and the SDK retried).
            Optional<HeadObjectResponse> now = head(key);
            if (now.isPresent() && unquoted(now.get().eTag()).equals(md5(data, length))) {
                return now.get().eTag();
            }
            throw new VersionConflictException(key, expectedVersion);
        } catch (SdkException e) {
            return landedAnyway(key, data, length, e);
        }
    }

    /**
     * After a write failed for good (its retries spent), whether one of its attempts landed all the same (an answer
     * lost after S3 had stored the object): then the object is ours and the write is done; otherwise it failed.
     */
    private String landedAnyway(String key, byte[] data, int length, SdkException failure) {
        Optional<HeadObjectResponse> now;
        try {
            now = head(key);
        } catch (RuntimeException e) {
            throw failure("write", key, failure);
        }
        if (now.isPresent() && unquoted(now.get().eTag()).equals(md5(data, length))) {
            return now.get().eTag();
        }
        throw failure("write", key, failure);
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key(key)));
        } catch (NoSuchKeyException e) {
            // already gone
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public List<Entry> list(String listPrefix) {
        List<Entry> entries = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(key(listPrefix))).contents()) {
                entries.add(new Entry(o.key().substring(prefix.length()), o.size(), o.lastModified()));
            }
        } catch (SdkException e) {
            throw failure("list", listPrefix, e);
        }
        return entries;
    }

    @Override
    public void copy(String from, String to) {
        try {
            s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key(from)).destinationBucket(bucket).destinationKey(key(to)));
        } catch (NoSuchKeyException e) {
            // nothing to copy
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !isNoSuchBucket(e)) {
                return;
            }
            throw failure("copy", from, e);
        } catch (SdkException e) {
            throw failure("copy", from, e);
        }
    }

    /** The lock object itself is the hold: created only if absent, which S3 decides atomically. */
    @Override
    public Lease lease(String holdKey, String recordKey, byte[] record) {
        String version;
        try {
            version = writeIf(recordKey, record, null);
        } catch (VersionConflictException e) {
            throw new LeaseHeldException(recordKey, read(recordKey).map(Blob::data).orElse(null));
        }
        return new Lease() {
            @Override
            public Optional<String> replacedStaleRecord() {
                return Optional.empty();
            }

            @Override
            public void close() {
                // Only our own lock: after a cancel, another run's lock may be there now.
                Optional<Blob> current = read(recordKey);
                if (current.isPresent() && Arrays.equals(current.get().data(), record)) {
                    try {
                        s3.deleteObject(b -> b.bucket(bucket).key(key(recordKey)).ifMatch(version));
                    } catch (S3Exception e) {
                        if (e.statusCode() != PRECONDITION_FAILED && e.statusCode() != 404) {
                            throw failure("delete", recordKey, e);
                        }
                    } catch (SdkException e) {
                        throw failure("delete", recordKey, e);
                    }
                }
            }
        };
    }

    @Override
    public boolean leaseHeld(String holdKey, String recordKey) {
        return head(recordKey).isPresent();
    }

    /** One line naming the URL, what S3 said and what fixes it. */
    private BackendException failure(String operation, String key, SdkException e) {
        String target = url + " (key " + key(key) + ")";
        if (e instanceof S3Exception s3e) {
            String code = s3e.awsErrorDetails() == null ? null : s3e.awsErrorDetails().errorCode();
            if (isNoSuchBucket(s3e)) {
                return new BackendException(Kind.MISSING, url.toString(), "the bucket '" + bucket + "' does not exist",
                        "create it (aws s3 mb s3://" + bucket + "), or correct the bucket in the URL", e);
            }
            if (s3e.statusCode() == 403 || "InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
                return new BackendException(Kind.ACCESS_DENIED, url.toString(), "access denied to " + operation + " "
                        + key(key) + " (" + (code == null ? "403" : code) + ")", "grant these credentials s3:GetObject, "
                        + "s3:PutObject, s3:DeleteObject and s3:ListBucket on the bucket, or use other credentials "
                        + "(AWS_PROFILE, ?profile=)", e);
            }
            return new BackendException(Kind.FAILED, url.toString(), "S3 refused to " + operation + " " + target + ": "
                    + (code == null ? "HTTP " + s3e.statusCode() : code), "see the S3 error above; nothing else was written", e);
        }
        Throwable root = rootCause(e);
        if (root instanceof ConnectException || root instanceof UnknownHostException
                || root instanceof java.net.SocketTimeoutException || root instanceof java.net.NoRouteToHostException) {
            return new BackendException(Kind.UNREACHABLE, url.toString(), "cannot reach the S3 endpoint "
                    + endpointDescription() + " (" + root + ")", "check the endpoint and region in the URL and the network", e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("credentials") || message.contains("Credentials")) {
            return new BackendException(Kind.ACCESS_DENIED, url.toString(), "no AWS credentials found",
                    "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or add ?profile=NAME to the URL", e);
        }
        return new BackendException(Kind.FAILED, url.toString(), "cannot " + operation + " " + target + ": " + message,
                "check the endpoint and the network", e);
    }

    private String endpointDescription() {
        String endpoint = url.parameter("endpoint");
        return endpoint != null ? endpoint : "of region " + s3.serviceClientConfiguration().region();
    }

    private static boolean isNoSuchBucket(S3Exception e) {
        return e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String unquoted(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }

    private static String md5(byte[] data, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(data, 0, length);
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
