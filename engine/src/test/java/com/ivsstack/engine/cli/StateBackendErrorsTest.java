package com.ivsstack.engine.cli;

import com.ivsstack.engine.state.StateBackends;
import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.state.backend.DiyLayout;
import com.ivsstack.engine.state.backend.StateBackend;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import com.ivsstack.engine.testing.backend.Backends;
import com.ivsstack.engine.testing.backend.PostgresServer;
import com.ivsstack.engine.testing.backend.S3Server;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A backend that cannot be used gets one clear line naming its URL (never its password) and the fix, and nothing is
 * written: a bad URL, an unreachable server, a missing bucket or database, access denied, a state of a newer format.
 * A shared backend's secrets need a shared passphrase.
 */
@ExtendWith(Backends.class)
class StateBackendErrorsTest {
    @TempDir
    Path dir;
    private TestProject project;

    @BeforeEach
    void project() throws Exception {
        project = new TestProject(Files.createDirectories(dir.resolve("project")), new FakeCloud());
    }

    /** Runs up against the URL and returns its one error line, checking that nothing was deployed or written. */
    private String failedUp(String url, Map<String, String> env) {
        CliRunner.Run run = new CliRunner(project, env).run("up", "--yes", "--backend", url);
        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(project.cloud().objects()).as("nothing deployed").isEmpty();
        assertThat(project.directory().resolve(".ivsstack")).as("nothing written locally").doesNotExist();
        String error = run.err().strip();
        assertThat(error.lines().count()).as("one line: %s", error).isOne();
        assertThat(error).doesNotContain(PostgresServer.PASSWORD);
        return error;
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://", "ftp://state.example.com/x", "s3://Bad_Bucket/x", "s3://bucket?insecure=true",
            "postgres://team:s3cr3t-pw@127.0.0.1:5432/?sslmode=disable", "postgres://team:s3cr3t-pw@127.0.0.1/db?password=x&bogus=1",
            "postgres://team:s3cr3t-pw@127.0.0.1/db?table=x;drop"})
    void badUrl_isOneLineNamingTheUrlWithoutItsPasswordAndTheForms(String url) {
        String error = failedUp(url, Backends.environment());
        assertThat(error).startsWith("error: state backend ").contains("file://PATH, s3://BUCKET[/PREFIX]?region=R");
        if (url.startsWith("postgres")) {
            assertThat(error).contains("team:***@127.0.0.1");
        }
    }

    @Test
    void unreachableServers_areNamedWithTheirAddressAndTheFix() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(failedUp("postgres://team:s3cr3t-pw@127.0.0.1:" + closed + "/state?connect_timeout=2", Map.of()))
                .contains("postgres://team:***@127.0.0.1:" + closed + "/state").contains("cannot reach PostgreSQL at 127.0.0.1:" + closed)
                .contains("check the host and port");
        assertThat(failedUp(S3Server.url("state", java.net.URI.create("http://127.0.0.1:" + closed)), Backends.environment()))
                .contains("cannot reach the S3 endpoint http://127.0.0.1:" + closed).contains("check the endpoint");
    }

    @Test
    void missingBucketAndDatabase_sayWhichAndHowToCreateIt(Backends backends) {
        assertThat(failedUp(backends.s3().url("no-such-bucket/team"), Backends.environment()))
                .contains("the bucket 'no-such-bucket' does not exist").contains("aws s3 mb s3://no-such-bucket");
        assertThat(failedUp(backends.postgres().url("no_such_db"), Map.of()))
                .contains("the database 'no_such_db' does not exist").contains("CREATE DATABASE no_such_db");
    }

    @Test
    void accessDenied_onS3AndPostgres_namesTheCauseAndThePermissionsNeeded(Backends backends) throws Exception {
        Map<String, String> wrongSecret = new HashMap<>(Backends.environment());
        wrongSecret.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
        assertThat(failedUp(backends.s3().url(backends.s3().newBucket()), wrongSecret))
                .contains("access denied").contains("SignatureDoesNotMatch").contains("s3:PutObject");

        PostgresServer pg = backends.postgres();
        String database = pg.newDatabase();
        try (StateBackend created = StateBackends.open(BackendUrl.parse(pg.url(database), dir), Map.of())) {
            created.store().list(""); // the table exists, owned by the superuser
        }
        pg.execute("CREATE ROLE reader_" + database + " LOGIN");
        String url = "postgres://reader_" + database + ":s3cr3t-pw@127.0.0.1:" + pg.port() + "/" + database + "?sslmode=disable";
        assertThat(failedUp(url, Map.of())).contains("access denied").contains("permission denied")
                .contains("grant the user SELECT, INSERT, UPDATE and DELETE on pulumi_state");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.Kind.class)
    void stateOfANewerFormat_isRefusedBeforeAnythingIsDone(Backends.Kind kind, Backends backends) {
        String url = backends.newUrl(kind);
        DiyLayout layout = new DiyLayout("testprog", "dev");
        try (StateBackend backend = StateBackends.open(BackendUrl.parse(url, dir), Backends.environment())) {
            backend.store().write(DiyLayout.META, "version: 1\n".getBytes(StandardCharsets.UTF_8));
            backend.store().write(layout.checkpoint(), ("{\"version\":4,\"features\":[\"refreshBeforeUpdate\"],"
                    + "\"checkpoint\":{\"stack\":\"organization/testprog/dev\",\"latest\":{\"manifest\":{},\"resources\":[]}}}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        CliRunner.Run run = new CliRunner(project, Backends.environment()).run("up", "--yes", "--backend", url);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("format version 4, newer than the version 3 ivsstack reads").contains(BackendUrl.redact(url).split("\\?")[0]);
        assertThat(project.cloud().objects()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Backends.Kind.class, names = {"S3", "POSTGRES"})
    void sharedBackend_withoutAPassphraseInTheEnvironment_isRefusedNamingBothVariables(Backends.Kind kind,
                                                                                      Backends backends) {
        Map<String, String> env = new HashMap<>(Backends.environment());
        env.put("PULUMI_CONFIG_PASSPHRASE", null);
        env.put("PULUMI_CONFIG_PASSPHRASE_FILE", null);
        String error = failedUp(backends.newUrl(kind), env);
        assertThat(error).contains("its secrets' passphrase must be shared too")
                .contains("PULUMI_CONFIG_PASSPHRASE,").contains("PULUMI_CONFIG_PASSPHRASE_FILE");
        assertThat(project.directory().resolve(".ivsstack/passphrase")).doesNotExist();
    }
}
