package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.emulator.support.AdminResults;
import com.ivsstack.emulator.support.PublicKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;
import software.amazon.awssdk.services.ivs.model.ListChannelsResponse;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.IngestProtocol;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;

/** Every List operation pages with maxResults and an opaque nextToken, in a stable order, each item once. */
class PaginationTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    /** One page: the item ids and the next token (null or empty when it is the last page). */
    record Page(List<String> ids, String nextToken) {
    }

    /** A List operation: how to make {@code count} items (returning their ids in creation order) and read a page. */
    record Listing(String operation, int count, BiFunction<Clients, Integer, List<String>> create, Pager pager) {
        @Override
        public String toString() {
            return operation;
        }
    }

    record Clients(IvsClient ivs, IvsRealTimeClient rt) {
    }

    @FunctionalInterface
    interface Pager {
        Page page(Clients clients, List<String> created, Integer maxResults, String nextToken);
    }

    static Stream<Listing> listings() {
        return Stream.of(
                new Listing("ListChannels", 5, (c, n) -> repeat(n, () -> c.ivs().createChannel(b -> { }).channel().arn()),
                        (c, made, max, token) -> {
                            var r = c.ivs().listChannels(b -> b.maxResults(max).nextToken(token));
                            return new Page(r.channels().stream().map(ChannelSummary::arn).toList(), r.nextToken());
                        }),
                new Listing("ListStreamKeys (one key per channel)", 1,
                        (c, n) -> List.of(c.ivs().createChannel(b -> { }).streamKey().arn()),
                        (c, made, max, token) -> {
                            String channel = c.ivs().getStreamKey(b -> b.arn(made.get(0))).streamKey().channelArn();
                            var r = c.ivs().listStreamKeys(b -> b.channelArn(channel).maxResults(max).nextToken(token));
                            return new Page(r.streamKeys().stream().map(k -> k.arn()).toList(), r.nextToken());
                        }),
                new Listing("ListStreams", 5, (c, n) -> repeat(n, () -> {
                            String arn = c.ivs().createChannel(b -> { }).channel().arn();
                            IVS.emulator().admin().startStream(arn);
                            return arn;
                        }),
                        (c, made, max, token) -> {
                            var r = c.ivs().listStreams(b -> b.maxResults(max).nextToken(token));
                            return new Page(r.streams().stream().map(s -> s.channelArn()).toList(), r.nextToken());
                        }),
                new Listing("ListStreamSessions (newest first)", 5, (c, n) -> {
                            String channel = c.ivs().createChannel(b -> { }).channel().arn();
                            List<String> ids = new ArrayList<>();
                            for (int i = 0; i < n; i++) {
                                IVS.emulator().admin().startStream(channel);
                                ids.add(0, c.ivs().getStream(b -> b.channelArn(channel)).stream().streamId());
                                IVS.emulator().admin().stopStream(channel);
                            }
                            return ids;
                        },
                        (c, made, max, token) -> {
                            String channel = c.ivs().listChannels(b -> { }).channels().get(0).arn();
                            var r = c.ivs().listStreamSessions(b -> b.channelArn(channel).maxResults(max).nextToken(token));
                            return new Page(r.streamSessions().stream().map(s -> s.streamId()).toList(), r.nextToken());
                        }),
                new Listing("ListRecordingConfigurations", 5, (c, n) -> repeat(n, () -> c.ivs()
                        .createRecordingConfiguration(b -> b.destinationConfiguration(d -> d.s3(s -> s.bucketName("bucket"))))
                        .recordingConfiguration().arn()),
                        (c, made, max, token) -> {
                            var r = c.ivs().listRecordingConfigurations(b -> b.maxResults(max).nextToken(token));
                            return new Page(r.recordingConfigurations().stream().map(x -> x.arn()).toList(), r.nextToken());
                        }),
                new Listing("ListPlaybackKeyPairs", 3, (c, n) -> repeat(n, () -> c.ivs()
                        .importPlaybackKeyPair(b -> b.publicKeyMaterial(PublicKeys.p384())).keyPair().arn()),
                        (c, made, max, token) -> {
                            var r = c.ivs().listPlaybackKeyPairs(b -> b.maxResults(max).nextToken(token));
                            return new Page(r.keyPairs().stream().map(x -> x.arn()).toList(), r.nextToken());
                        }),
                new Listing("ListPlaybackRestrictionPolicies", 5, (c, n) -> repeat(n, () -> c.ivs()
                        .createPlaybackRestrictionPolicy(b -> { }).playbackRestrictionPolicy().arn()),
                        (c, made, max, token) -> {
                            var r = c.ivs().listPlaybackRestrictionPolicies(b -> b.maxResults(max).nextToken(token));
                            return new Page(r.playbackRestrictionPolicies().stream().map(x -> x.arn()).toList(), r.nextToken());
                        }),
                new Listing("ListEncoderConfigurations", 5, (c, n) -> repeat(n, () -> c.rt()
                        .createEncoderConfiguration(b -> { }).encoderConfiguration().arn()),
                        (c, made, max, token) -> {
                            var r = c.rt().listEncoderConfigurations(b -> b.maxResults(max).nextToken(token));
                            return new Page(r.encoderConfigurations().stream().map(x -> x.arn()).toList(), r.nextToken());
                        }),
                new Listing("ListStorageConfigurations", 5, (c, n) -> repeat(n, () -> c.rt()
                        .createStorageConfiguration(b -> b.s3(s -> s.bucketName("bucket"))).storageConfiguration().arn()),
                        (c, made, max, token) -> {
                            var r = c.rt().listStorageConfigurations(b -> b.maxResults(max).nextToken(token));
                            return new Page(r.storageConfigurations().stream().map(x -> x.arn()).toList(), r.nextToken());
                        }),
                new Listing("ListPublicKeys (3, the quota)", 3, (c, n) -> repeat(n, () -> c.rt()
                        .importPublicKey(b -> b.publicKeyMaterial(PublicKeys.p384())).publicKey().arn()),
                        (c, made, max, token) -> {
                            var r = c.rt().listPublicKeys(b -> b.maxResults(max).nextToken(token));
                            return new Page(r.publicKeys().stream().map(x -> x.arn()).toList(), r.nextToken());
                        }),
                new Listing("ListStages", 5, (c, n) -> repeat(n, () -> c.rt().createStage(b -> { }).stage().arn()),
                        (c, made, max, token) -> {
                            var r = c.rt().listStages(b -> b.maxResults(max).nextToken(token));
                            return new Page(r.stages().stream().map(x -> x.arn()).toList(), r.nextToken());
                        }),
                new Listing("ListCompositions", 5, (c, n) -> {
                            String stage = c.rt().createStage(b -> { }).stage().arn();
                            return repeat(n, () -> {
                                String channel = c.ivs().createChannel(b -> { }).channel().arn();
                                return c.rt().startComposition(b -> b.stageArn(stage)
                                        .destinations(d -> d.channel(ch -> ch.channelArn(channel)))).composition().arn();
                            });
                        },
                        (c, made, max, token) -> {
                            var r = c.rt().listCompositions(b -> b.maxResults(max).nextToken(token));
                            return new Page(r.compositions().stream().map(x -> x.arn()).toList(), r.nextToken());
                        }),
                new Listing("ListIngestConfigurations", 5, (c, n) -> repeat(n, () -> c.rt()
                        .createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMPS)).ingestConfiguration().arn()),
                        (c, made, max, token) -> {
                            var r = c.rt().listIngestConfigurations(b -> b.maxResults(max).nextToken(token));
                            return new Page(r.ingestConfigurations().stream().map(x -> x.arn()).toList(), r.nextToken());
                        }),
                new Listing("ListStageSessions (newest first)", 5, (c, n) -> {
                            String stage = c.rt().createStage(b -> { }).stage().arn();
                            List<String> ids = new ArrayList<>();
                            for (int i = 0; i < n; i++) {
                                String participant = participantId(IVS.emulator().admin().joinParticipant(stage));
                                ids.add(0, c.rt().getStage(b -> b.arn(stage)).stage().activeSessionId());
                                IVS.emulator().admin().leaveParticipant(stage, participant);
                            }
                            return ids;
                        },
                        (c, made, max, token) -> {
                            String stage = c.rt().listStages(b -> { }).stages().get(0).arn();
                            var r = c.rt().listStageSessions(b -> b.stageArn(stage).maxResults(max).nextToken(token));
                            return new Page(r.stageSessions().stream().map(x -> x.sessionId()).toList(), r.nextToken());
                        }),
                new Listing("ListParticipants (in the order they joined)", 5, (c, n) -> {
                            String stage = c.rt().createStage(b -> { }).stage().arn();
                            return repeat(n, () -> participantId(IVS.emulator().admin().joinParticipant(stage)));
                        },
                        (c, made, max, token) -> {
                            Stage stage = c.rt().getStage(b -> b.arn(c.rt().listStages(l -> { }).stages().get(0).arn()))
                                    .stage();
                            var r = c.rt().listParticipants(b -> b.stageArn(stage.arn())
                                    .sessionId(stage.activeSessionId()).maxResults(max).nextToken(token));
                            return new Page(r.participants().stream().map(x -> x.participantId()).toList(), r.nextToken());
                        }));
    }

    private static String participantId(String participantJson) {
        return AdminResults.member(participantJson, "participantId");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void listOperation_pagesOfTwo_returnEveryItemOnceInOrder(Listing listing, IvsClient ivs, IvsRealTimeClient rt) {
        Clients clients = new Clients(ivs, rt);
        List<String> created = listing.create().apply(clients, listing.count());

        List<String> seen = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            Page page = listing.pager().page(clients, created, 2, token);
            assertThat(page.ids()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.ids());
            token = page.nextToken();
            pages++;
            assertThat(pages).isLessThanOrEqualTo(listing.count() + 1);
        } while (token != null && !token.isEmpty());

        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo((listing.count() + 1) / 2);
    }

    @Test
    void listChannels_itemsDeletedBetweenPages_nextPageStillStartsAfterCursor(IvsClient ivs) {
        List<String> arns = repeat(5, () -> ivs.createChannel(b -> { }).channel().arn());
        ListChannelsResponse first = ivs.listChannels(b -> b.maxResults(2));

        ivs.deleteChannel(b -> b.arn(arns.get(0)));
        ivs.deleteChannel(b -> b.arn(arns.get(1)));
        ListChannelsResponse second = ivs.listChannels(b -> b.maxResults(2).nextToken(first.nextToken()));

        assertThat(second.channels()).extracting(ChannelSummary::arn).containsExactly(arns.get(2), arns.get(3));
    }

    @Test
    void listChannels_sdkPaginator_walksAllPages(IvsClient ivs) {
        List<String> arns = repeat(7, () -> ivs.createChannel(b -> { }).channel().arn());

        assertThat(ivs.listChannelsPaginator(b -> b.maxResults(3)).stream()
                .flatMap(page -> page.channels().stream()).map(ChannelSummary::arn))
                .containsExactlyElementsOf(arns);
        assertThat(IVS.emulator().admin().requestCount("ListChannels")).isEqualTo(3);
    }

    private static List<String> repeat(int n, java.util.function.Supplier<String> create) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            result.add(create.get());
        }
        return result;
    }
}
