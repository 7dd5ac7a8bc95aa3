package org.banksuite.kit.axon;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored types are named once, completely, and the serializer stores them under those names. */
class StoredEventTypesTest {

    sealed interface ParcelEvent {
        record ParcelSent(String parcelId) implements ParcelEvent {
        }

        record ParcelLost(String parcelId) implements ParcelEvent {
        }
    }

    @Test
    void refusesToStartWhenAnEventOfAFamilyHasNoStableName() {
        StoredEventTypes.Builder types = StoredEventTypes.builder()
                .everyEventOf(ParcelEvent.class)
                .event(ParcelEvent.ParcelSent.class, "parcels.ParcelSent");

        assertThatThrownBy(types::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ParcelEvent.ParcelLost.class.getName());
    }

    @Test
    void refusesTwoTypesUnderOneName() {
        StoredEventTypes.Builder types = StoredEventTypes.builder().event(ParcelEvent.ParcelSent.class, "parcels.Parcel");

        assertThatThrownBy(() -> types.event(ParcelEvent.ParcelLost.class, "parcels.Parcel"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANameThatLooksLikeAClassName() {
        assertThatThrownBy(() -> StoredEventTypes.builder()
                .event(ParcelEvent.ParcelSent.class, ParcelEvent.ParcelSent.class.getName()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredEventTypes.builder().event(ParcelEvent.ParcelSent.class, "java.lang.String"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storesANamedEventUnderItsNameAndRevisionAndReadsItBack() {
        StableNameSerializer serializer = serializerFor(StoredEventTypes.builder()
                .event(ParcelEvent.ParcelSent.class, "parcels.ParcelSent", "3").build());

        SerializedObject<byte[]> stored = serializer.serialize(new ParcelEvent.ParcelSent("p-1"), byte[].class);

        assertThat(stored.getType()).isEqualTo(new SimpleSerializedType("parcels.ParcelSent", "3"));
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(new ParcelEvent.ParcelSent("p-1"));
    }

    @Test
    void storesWhatIsNotAnEventUnderItsClassName() {
        StableNameSerializer serializer = serializerFor(StoredEventTypes.builder().build());

        SerializedObject<byte[]> token = serializer.serialize(new GlobalSequenceTrackingToken(42), byte[].class);

        assertThat(token.getType().getName()).isEqualTo(GlobalSequenceTrackingToken.class.getName());
        assertThat((Object) serializer.deserialize(token)).isEqualTo(new GlobalSequenceTrackingToken(42));
    }

    private static StableNameSerializer serializerFor(StoredEventTypes types) {
        return StableNameSerializer.create(types, AxonJackson::allowAxonAndSuiteTypes);
    }
}
