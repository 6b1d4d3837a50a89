package ai.behavior.models.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.optimizer.Sgd;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * DJL's Adam, AdamW and SGD with one change: DJL detaches each optimizer state array (moments, momentum) from
 * every manager, so nothing would ever free it and each training run would leak twice the model's size in
 * native memory. These subclasses attach each state array to the training manager the first time it appears,
 * so it is counted with the run's arrays and freed when the run's manager closes.
 */
final class Optimizers {
    private Optimizers() {
    }

    /** The optimizer {@code o} asks for, keeping its state in {@code manager}. */
    static Optimizer create(TrainingOptions o, LearningRateSchedule schedule, NDManager manager) {
        float wd = (float) o.weightDecay();
        switch (o.optimizer()) {
            case ADAM:
                return new ManagedAdam(Optimizer.adam().optLearningRateTracker(schedule).optWeightDecays(wd), manager);
            case ADAMW:
                return new ManagedAdamW(Optimizer.adamW().optLearningRateTracker(schedule).optWeightDecays(wd),
                        manager);
            case SGD:
                return new ManagedSgd(Optimizer.sgd().setLearningRateTracker(schedule).optMomentum((float) o.momentum())
                        .optWeightDecays(wd), manager);
            default:
                throw new IllegalStateException("unknown optimizer " + o.optimizer());
        }
    }

    /** Attaches state arrays to a manager once each. */
    private static final class Keeper {
        private final NDManager manager;
        private final Set<NDArray> kept = Collections.newSetFromMap(new IdentityHashMap<>());

        Keeper(NDManager manager) {
            this.manager = manager;
        }

        NDArray keep(NDArray state) {
            if (kept.add(state)) {
                state.attach(manager);
            }
            return state;
        }
    }

    private static final class ManagedAdam extends Adam {
        private final Keeper keeper;

        ManagedAdam(Adam.Builder builder, NDManager manager) {
            super(builder);
            this.keeper = new Keeper(manager);
        }

        @Override
        protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key, Device device,
                                           Function<String, NDArray> defaultFunction) {
            return keeper.keep(super.withDefaultState(state, key, device, defaultFunction));
        }
    }

    private static final class ManagedAdamW extends AdamW {
        private final Keeper keeper;

        ManagedAdamW(AdamW.Builder builder, NDManager manager) {
            super(builder);
            this.keeper = new Keeper(manager);
        }

        @Override
        protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key, Device device,
                                           Function<String, NDArray> defaultFunction) {
            return keeper.keep(super.withDefaultState(state, key, device, defaultFunction));
        }
    }

    private static final class ManagedSgd extends Sgd {
        private final Keeper keeper;

        ManagedSgd(Sgd.Builder builder, NDManager manager) {
            super(builder);
            this.keeper = new Keeper(manager);
        }

        @Override
        protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key, Device device,
                                           Function<String, NDArray> defaultFunction) {
            return keeper.keep(super.withDefaultState(state, key, device, defaultFunction));
        }
    }
}
