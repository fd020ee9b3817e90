package com.ivsstack.bench.secrets;

import com.ivsstack.bench.Machine;
import com.ivsstack.engine.secrets.PassphraseCrypter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The passphrase key's derivation (PBKDF2-HMAC-SHA256, 1,000,000 iterations, the Pulumi passphrase provider's), three
 * ways: the engine's own ({@link PassphraseCrypter}, which hashes the HMAC pads once), BouncyCastle's
 * {@code PKCS5S2ParametersGenerator} (which caches the pad states the same way) and the JDK's
 * {@code PBKDF2WithHmacSHA256} (which hashes them in every iteration). Each derivation takes a fresh salt, as a new
 * stack's does, and the three ways alternate. Two figures each: a command derives the key once, in a fresh JVM, so
 * "cold" runs every derivation in a JVM of its own started with the options of the launcher {@code ./ivsstack}; "warm"
 * repeats them in this JVM after two unmeasured rounds. The figure is the deriving thread's CPU time, which a busy
 * machine disturbs less than the wall-clock time printed beside it. From the repository root, after
 * {@code ./mvnw -B -Pbench -DskipTests package}:
 * {@code java -cp bench/target/ivs-bench.jar com.ivsstack.bench.secrets.Pbkdf2Benchmark [runs]} (default 7).
 */
public final class Pbkdf2Benchmark {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final int ITERATIONS = 1_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Supplier<Object>> WAYS = new LinkedHashMap<>();

    static {
        WAYS.put("engine", () -> PassphraseCrypter.create(PASSPHRASE));
        WAYS.put("bouncycastle", () -> bouncyCastle(PASSPHRASE, salt(), ITERATIONS));
        WAYS.put("jdk", () -> jdk(PASSPHRASE, salt(), ITERATIONS));
    }

    private Pbkdf2Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--once")) {
            Measurement m = measure(WAYS.get(args[1]));
            System.out.println(m.cpuMillis() + " " + m.wallMillis());
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        System.out.println("PBKDF2-HMAC-SHA256, " + ITERATIONS + " iterations: " + Machine.describe());
        requireSameKey();
        List<String> launcherOptions = launcherOptions();
        System.out.println("cold: a JVM per derivation, with the launcher's options " + launcherOptions);
        Map<String, List<Measurement>> cold = new LinkedHashMap<>();
        Map<String, List<Measurement>> warm = new LinkedHashMap<>();
        WAYS.keySet().forEach(way -> {
            cold.put(way, new ArrayList<>());
            warm.put(way, new ArrayList<>());
        });
        for (int round = 0; round < runs; round++) {
            for (String way : WAYS.keySet()) {
                cold.get(way).add(inFreshJvm(launcherOptions, way));
            }
        }
        print(cold);
        System.out.println("warm: " + runs + " derivations each in this JVM, after two unmeasured rounds");
        for (int round = -2; round < runs; round++) {
            for (Map.Entry<String, Supplier<Object>> way : WAYS.entrySet()) {
                Measurement m = measure(way.getValue());
                if (round >= 0) {
                    warm.get(way.getKey()).add(m);
                }
            }
        }
        print(warm);
        System.out.println("load average now " + Machine.loadAverage());
    }

    private record Measurement(long cpuMillis, long wallMillis) {
    }

    private static Measurement measure(Supplier<Object> derivation) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        derivation.get();
        return new Measurement((threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000);
    }

    private static Measurement inFreshJvm(List<String> options, String way) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Pbkdf2Benchmark.class.getName(), "--once", way));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String[] answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split(" ");
        if (process.waitFor() != 0 || answer.length != 2) {
            throw new IllegalStateException("the derivation " + way + " in its own JVM failed: " + String.join(" ", answer));
        }
        return new Measurement(Long.parseLong(answer[0]), Long.parseLong(answer[1]));
    }

    /** The JVM options of the launcher ./ivsstack (its {@code opts=} line), which runs every command. */
    private static List<String> launcherOptions() throws IOException {
        Matcher opts = Pattern.compile("(?m)^opts=\"([^\"]*)\"").matcher(Files.readString(Path.of("ivsstack")));
        if (!opts.find()) {
            throw new IllegalStateException("no opts=\"...\" line in ./ivsstack: run from the repository root");
        }
        return List.of(opts.group(1).split(" "));
    }

    private static void print(Map<String, List<Measurement>> byWay) {
        byWay.forEach((way, measurements) -> {
            long[] cpu = measurements.stream().mapToLong(Measurement::cpuMillis).sorted().toArray();
            long[] wall = measurements.stream().mapToLong(Measurement::wallMillis).sorted().toArray();
            System.out.printf("  %-13s CPU median %5d ms (min %d, max %d), wall median %5d ms, n=%d%n", way,
                    cpu[cpu.length / 2], cpu[0], cpu[cpu.length - 1], wall[wall.length / 2], cpu.length);
        });
    }

    /** The comparison means something only if the library derives the key the JDK (and so the engine) derives. */
    private static void requireSameKey() {
        byte[] salt = salt();
        if (!Arrays.equals(bouncyCastle(PASSPHRASE, salt, 1000), jdk(PASSPHRASE, salt, 1000))) {
            throw new IllegalStateException("BouncyCastle and the JDK derive different keys");
        }
    }

    private static byte[] bouncyCastle(String passphrase, byte[] salt, int iterations) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(passphrase.getBytes(StandardCharsets.UTF_8), salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(256)).getKey();
    }

    private static byte[] jdk(String passphrase, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] salt() {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        return salt;
    }
}
