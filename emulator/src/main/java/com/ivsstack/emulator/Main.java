package com.ivsstack.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The standalone endpoint: {@code java -jar ivs-emulator-<version>-standalone.jar --port 4580}. */
@Command(name = "ivs-emulator", mixinStandardHelpOptions = true, version = "ivs-emulator 0.1.0",
        description = "A local Amazon IVS and IVS RealTime endpoint on one loopback port. Point clients at "
                + "http://127.0.0.1:<port> (AWS SDK: endpointOverride; AWS CLI: --endpoint-url).")
public final class Main implements Callable<Integer> {
    @Option(names = "--port", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 4580;

    @Option(names = "--data", paramLabel = "FILE",
            description = "keep the state in this JSON file across restarts (written atomically after each change)")
    Path dataFile;

    @Option(names = "--quotas", description = "enforce the documented per-operation TPS quotas (429 above them)")
    boolean quotas;

    @Option(names = "--account-id", paramLabel = "ID", description = "12-digit account id in ARNs (default: ${DEFAULT-VALUE})")
    String accountId = IvsEmulator.DEFAULT_ACCOUNT_ID;

    @Option(names = "--activation-delay", paramLabel = "MILLIS",
            description = "how long recording configurations stay CREATING, in ms (default: ${DEFAULT-VALUE})")
    long activationDelayMillis = 2000;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        IvsEmulator emulator = IvsEmulator.builder()
                .port(port)
                .dataFile(dataFile)
                .quotasEnabled(quotas)
                .accountId(accountId)
                .recordingConfigurationActivationDelay(Duration.ofMillis(activationDelayMillis))
                .build()
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "ivs-emulator-shutdown"));
        System.out.println("IVS emulator listening on " + emulator.endpoint() + " (account " + accountId
                + (dataFile == null ? "" : ", state in " + dataFile.toAbsolutePath())
                + (quotas ? ", rate quotas on" : "") + "); admin API under " + emulator.endpoint() + "/_emulator/");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
