package dev.privatelink.control.ec2.subnet;

import dev.privatelink.model.Cidr;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservationType;

/**
 * A range of a subnet's IPv4 addresses set aside: EC2 assigns none of them automatically
 * ({@code explicit} ones are assigned by hand, {@code prefix} ones delegated as prefixes).
 */
public record SubnetCidrReservationRecord(String reservationId, String subnetId, Cidr cidr, SubnetCidrReservationType type,
    String ownerId, @Nullable String description) {}
