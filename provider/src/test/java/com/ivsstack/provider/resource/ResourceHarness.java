package com.ivsstack.provider.resource;

import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.CreateResult;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.DiffRequest;
import com.ivsstack.provider.api.DiffResult;
import com.ivsstack.provider.api.ReadRequest;
import com.ivsstack.provider.api.ReadResult;
import com.ivsstack.provider.api.ResourceHandler;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.api.UpdateResult;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives one resource type the way the engine does: check, then create/read/diff/update/delete. */
final class ResourceHarness {

    final IvsProvider provider;
    final ResourceHandler type;
    final String urn;

    ResourceHarness(IvsProvider provider, String token, String name) {
        this.provider = provider;
        this.type = provider.resource(token).orElseThrow();
        this.urn = TestProviders.urn(token, name);
    }

    Map<String, Object> check(Map<String, Object> news) {
        var result = type.check(new CheckRequest(urn, Map.of(), news));
        assertThat(result.failures()).as("check failures").isEmpty();
        return result.inputs();
    }

    CreateResult create(Map<String, Object> inputs) {
        return type.create(new CreateRequest(urn, inputs, null, false));
    }

    CreateResult preview(Map<String, Object> inputs) {
        return type.create(new CreateRequest(urn, inputs, null, true));
    }

    ReadResult read(String id, Map<String, Object> oldInputs, Map<String, Object> oldOutputs) {
        return type.read(new ReadRequest(id, urn, oldInputs, oldOutputs));
    }

    ReadResult importById(String id) {
        return type.read(new ReadRequest(id, urn, Map.of(), Map.of()));
    }

    DiffResult diff(String id, Map<String, Object> oldInputs, Map<String, Object> oldOutputs, Map<String, Object> news) {
        return type.diff(new DiffRequest(id, urn, oldInputs, oldOutputs, news, List.of()));
    }

    UpdateResult update(String id, Map<String, Object> oldInputs, Map<String, Object> oldOutputs, Map<String, Object> news) {
        return type.update(new UpdateRequest(id, urn, oldInputs, oldOutputs, news, null, false, List.of()));
    }

    void delete(String id, Map<String, Object> oldInputs, Map<String, Object> oldOutputs) {
        type.delete(new DeleteRequest(id, urn, oldInputs, oldOutputs, null));
    }
}
