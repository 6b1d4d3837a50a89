package ai.behavior.feature.sequence;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.Padding;
import ai.behavior.feature.time.RoundTripSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

class SequenceKindsRoundTripTest {
    @TempDir
    Path tmp;

    static List<RoundTripSupport.Case> cases() {
        IdIndex vocab = IdIndex.of("i1", "i2", "i3", "i4");
        FeatureFrame train = FeatureFrame.builder(3)
                .sequences("seq", new int[][] {{0, 1, 0, 2}, {1, 1}, {3}}, vocab).build();
        IdIndex other = IdIndex.of("i4", "new", "i1", "i2");
        FeatureFrame test = FeatureFrame.builder(3)
                .sequences("seq", new int[][] {{2, 1, 3, 0, 2, 3}, {}, {1}}, other).build();
        return List.of(
                new RoundTripSupport.Case("left", SequenceEncoder.of("seq", 3), train, test),
                new RoundTripSupport.Case("right min 2", SequenceEncoder.of("seq", 5).minCount(2)
                        .padding(Padding.RIGHT), train, test));
    }

    @Test
    void everyCaseLoadsBackWithIdenticalOutputs() throws IOException {
        List<RoundTripSupport.Case> cases = cases();
        for (int i = 0; i < cases.size(); i++) {
            RoundTripSupport.roundTrip(cases.get(i), tmp.resolve("p" + i));
        }
    }

    @Test
    void everyRegisteredSequenceKindHasARoundTripCase() throws IOException {
        Set<String> covered = new HashSet<>();
        List<RoundTripSupport.Case> cases = cases();
        for (int i = 0; i < cases.size(); i++) {
            covered.add(RoundTripSupport.roundTrip(cases.get(i), tmp.resolve("c" + i)));
        }
        RoundTripSupport.assertCovered(new SequenceKinds(), covered);
    }
}
