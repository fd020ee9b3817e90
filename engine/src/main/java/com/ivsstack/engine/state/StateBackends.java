package com.ivsstack.engine.state;

import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.state.backend.BlobStore;
import com.ivsstack.engine.state.backend.StateBackend;
import com.ivsstack.engine.state.backend.file.FileBlobStore;
import com.ivsstack.engine.state.backend.postgres.PostgresBlobStore;
import com.ivsstack.engine.state.backend.s3.S3BlobStore;
import java.util.Map;

/**
 * Opens the backend a URL names. Kept apart from {@code state.backend}, whose stores implement its interfaces, so that
 * the backend's abstractions and its stores do not depend on each other both ways.
 */
public final class StateBackends {
    private StateBackends() {
    }

    /**
     * Opens the URL's store and checks its layout; reads only.
     *
     * @param environment the environment as the CLI sees it (AWS credentials and region for s3://)
     * @throws com.ivsstack.engine.state.backend.BackendException when the URL's store cannot be reached or used,
     *         before anything is written
     */
    public static StateBackend open(BackendUrl url, Map<String, String> environment) {
        BlobStore store = switch (url.scheme()) {
            case FILE -> new FileBlobStore(url);
            case S3 -> new S3BlobStore(url, environment);
            case POSTGRES -> new PostgresBlobStore(url);
        };
        return StateBackend.over(store);
    }
}
