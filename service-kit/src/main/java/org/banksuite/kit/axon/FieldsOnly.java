package org.banksuite.kit.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

/**
 * A Jackson mix-in for domain classes stored by Axon (snapshots, sagas, money in events): their fields, and
 * nothing derived from them. Applied from the outside so that the domain stays free of Jackson.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.ANY)
public abstract class FieldsOnly {
}
