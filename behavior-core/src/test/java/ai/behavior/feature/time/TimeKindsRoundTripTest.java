package ai.behavior.feature.time;

import ai.behavior.feature.FeatureFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

class TimeKindsRoundTripTest {
    private static final long T = 1_711_846_800_000L; // 2024-03-31T01:00Z, the Berlin spring-forward instant

    @TempDir
    Path tmp;

    private static FeatureFrame frame(long... ts) {
        return FeatureFrame.builder(ts.length).timestamps("ts", ts).build();
    }

    static List<RoundTripSupport.Case> cases() {
        FeatureFrame train = frame(T - 86_400_000L, T - 1, FeatureFrame.MISSING_TIME, T);
        FeatureFrame clean = frame(T - 86_400_000L, T - 1, T);
        FeatureFrame test = frame(T - 3_600_000L, FeatureFrame.MISSING_TIME, T + 86_400_000L, T + 1);
        FeatureFrame cleanTest = frame(T - 3_600_000L, T - 7_200_000L);
        return List.of(
                new RoundTripSupport.Case("calendar berlin cyclic zeros", CalendarFeatures.of("ts")
                        .inZone(ZoneId.of("Europe/Berlin")).withCyclic().missing(MissingTimes.zero().withIndicator()),
                        train, test),
                new RoundTripSupport.Case("calendar utc reject", CalendarFeatures.of("ts"), clean, cleanTest),
                new RoundTripSupport.Case("recency learned log1p", Recency.sinceLatestTraining("ts")
                        .in(Recency.Unit.HOURS).withLog1p().missing(MissingTimes.zero().withIndicator()), train, test),
                new RoundTripSupport.Case("recency fixed reject", Recency.since("ts", T + 5)
                        .in(Recency.Unit.SECONDS).future(Recency.FuturePolicy.REJECT), clean, cleanTest));
    }

    @Test
    void everyCaseLoadsBackWithIdenticalOutputs() throws IOException {
        List<RoundTripSupport.Case> cases = cases();
        for (int i = 0; i < cases.size(); i++) {
            RoundTripSupport.roundTrip(cases.get(i), tmp.resolve("p" + i));
        }
    }

    @Test
    void everyRegisteredTimeKindHasARoundTripCase() throws IOException {
        Set<String> covered = new HashSet<>();
        List<RoundTripSupport.Case> cases = cases();
        for (int i = 0; i < cases.size(); i++) {
            covered.add(RoundTripSupport.roundTrip(cases.get(i), tmp.resolve("c" + i)));
        }
        RoundTripSupport.assertCovered(new TimeKinds(), covered);
    }
}
