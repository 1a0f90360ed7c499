using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InstanceTypeHardware : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Hardware_BandwidthRxKbps",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Hardware_BandwidthTxKbps",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Hardware_BaselineCredit",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Hardware_Category",
                table: "InstanceTypes",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "Hardware_CpuSpeedGHz",
                table: "InstanceTypes",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "Hardware_CpuTurboGHz",
                table: "InstanceTypes",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "Hardware_DiskQuantity",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Hardware_EniIpv6AddressQuantity",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Hardware_EniPrivateIpAddressQuantity",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Hardware_EniQuantity",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Hardware_EniTrunkSupported",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Hardware_EriQuantity",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Hardware_FamilyLevel",
                table: "InstanceTypes",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Hardware_Generation",
                table: "InstanceTypes",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Hardware_GpuAmount",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "Hardware_GpuMemoryGiB",
                table: "InstanceTypes",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "Hardware_GpuSpec",
                table: "InstanceTypes",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Hardware_InitialCredit",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Hardware_JumboFrameSupport",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Hardware_LocalStorageAmount",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Hardware_LocalStorageCapacityGiB",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Hardware_LocalStorageCategory",
                table: "InstanceTypes",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Hardware_MaximumQueueNumberPerEni",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Hardware_NestedVirtualizationSupport",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Hardware_NetworkEncryptionSupport",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "Hardware_PpsRx",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Hardware_PpsTx",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Hardware_PrimaryEniQueueNumber",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Hardware_ProcessorModel",
                table: "InstanceTypes",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Hardware_PtpSupport",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Hardware_QueuePairNumber",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Hardware_SecondaryEniQueueNumber",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Hardware_ThreadsPerCore",
                table: "InstanceTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            Backfill(migrationBuilder);
        }

        /// <summary>The demo catalogue's hardware facts (DemoInstanceTypes at this migration) for databases seeded before it; a fresh database is seeded after it.</summary>
        private static void Backfill(MigrationBuilder migrationBuilder)
        {
            string[] columns = ["Hardware_BandwidthRxKbps", "Hardware_BandwidthTxKbps", "Hardware_BaselineCredit", "Hardware_Category", "Hardware_CpuSpeedGHz", "Hardware_CpuTurboGHz", "Hardware_DiskQuantity", "Hardware_EniIpv6AddressQuantity", "Hardware_EniPrivateIpAddressQuantity", "Hardware_EniQuantity", "Hardware_EniTrunkSupported", "Hardware_EriQuantity", "Hardware_FamilyLevel", "Hardware_Generation", "Hardware_GpuAmount", "Hardware_GpuMemoryGiB", "Hardware_GpuSpec", "Hardware_InitialCredit", "Hardware_JumboFrameSupport", "Hardware_LocalStorageAmount", "Hardware_LocalStorageCapacityGiB", "Hardware_LocalStorageCategory", "Hardware_MaximumQueueNumberPerEni", "Hardware_NestedVirtualizationSupport", "Hardware_NetworkEncryptionSupport", "Hardware_PpsRx", "Hardware_PpsTx", "Hardware_PrimaryEniQueueNumber", "Hardware_ProcessorModel", "Hardware_PtpSupport", "Hardware_QueuePairNumber", "Hardware_SecondaryEniQueueNumber", "Hardware_ThreadsPerCore"];
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.c7.large", columns, new object[] { 2048000L, 2048000L, 0, "Compute-optimized", 2.7, 3.5, 17, 6, 6, 3, true, 0, "EnterpriseLevel", "ecs-6", 0, 0.0, "", 0, true, 0, 0, "", 2, false, false, 900000L, 900000L, 2, "Intel Xeon(Ice Lake) Platinum 8369B", false, 0, 2, 2 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.c7.xlarge", columns, new object[] { 3072000L, 3072000L, 0, "Compute-optimized", 2.7, 3.5, 17, 15, 15, 4, true, 0, "EnterpriseLevel", "ecs-6", 0, 0.0, "", 0, true, 0, 0, "", 4, false, false, 1000000L, 1000000L, 4, "Intel Xeon(Ice Lake) Platinum 8369B", false, 0, 4, 2 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.c8y.large", columns, new object[] { 2048000L, 2048000L, 0, "Compute-optimized", 2.75, 2.75, 17, 10, 10, 3, true, 0, "EnterpriseLevel", "ecs-7", 0, 0.0, "", 0, true, 0, 0, "", 2, false, false, 1000000L, 1000000L, 2, "Yitian 710", false, 0, 2, 1 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.g6.large", columns, new object[] { 1024000L, 1024000L, 0, "General-purpose", 2.5, 3.2, 17, 1, 6, 2, true, 0, "EnterpriseLevel", "ecs-5", 0, 0.0, "", 0, false, 0, 0, "", 2, false, false, 300000L, 300000L, 2, "Intel Xeon(Cascade Lake) Platinum 8269CY", false, 0, 2, 2 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.g7.large", columns, new object[] { 2048000L, 2048000L, 0, "General-purpose", 2.7, 3.5, 17, 6, 6, 3, true, 0, "EnterpriseLevel", "ecs-6", 0, 0.0, "", 0, true, 0, 0, "", 2, false, false, 900000L, 900000L, 2, "Intel Xeon(Ice Lake) Platinum 8369B", false, 0, 2, 2 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.g7.xlarge", columns, new object[] { 3072000L, 3072000L, 0, "General-purpose", 2.7, 3.5, 17, 15, 15, 4, true, 0, "EnterpriseLevel", "ecs-6", 0, 0.0, "", 0, true, 0, 0, "", 4, false, false, 1000000L, 1000000L, 4, "Intel Xeon(Ice Lake) Platinum 8369B", false, 0, 4, 2 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.g7se.large", columns, new object[] { 2048000L, 2048000L, 0, "Enhanced", 2.7, 3.5, 17, 6, 6, 3, true, 0, "EnterpriseLevel", "ecs-6", 0, 0.0, "", 0, true, 0, 0, "", 2, false, false, 900000L, 900000L, 2, "Intel Xeon(Ice Lake) Platinum 8369B", false, 0, 2, 2 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.g7t.large", columns, new object[] { 2048000L, 2048000L, 0, "Enhanced", 2.7, 3.5, 17, 6, 6, 3, true, 0, "EnterpriseLevel", "ecs-6", 0, 0.0, "", 0, true, 0, 0, "", 2, false, true, 900000L, 900000L, 2, "Intel Xeon(Ice Lake) Platinum 8369B", false, 0, 2, 2 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.g8i.large", columns, new object[] { 2560000L, 2560000L, 0, "General-purpose", 2.7, 3.2, 17, 15, 15, 3, true, 0, "EnterpriseLevel", "ecs-7", 0, 0.0, "", 0, true, 0, 0, "", 2, true, true, 1000000L, 1000000L, 2, "Intel Xeon(Sapphire Rapids) Platinum 8475B", true, 0, 2, 2 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.g8y.large", columns, new object[] { 2048000L, 2048000L, 0, "General-purpose", 2.75, 2.75, 17, 10, 10, 3, true, 0, "EnterpriseLevel", "ecs-7", 0, 0.0, "", 0, true, 0, 0, "", 2, false, false, 1000000L, 1000000L, 2, "Yitian 710", false, 0, 2, 1 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.r7.large", columns, new object[] { 2048000L, 2048000L, 0, "Memory-optimized", 2.7, 3.5, 17, 6, 6, 3, true, 0, "EnterpriseLevel", "ecs-6", 0, 0.0, "", 0, true, 0, 0, "", 2, false, false, 900000L, 900000L, 2, "Intel Xeon(Ice Lake) Platinum 8369B", false, 0, 2, 2 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.t5-lc1m1.small", columns, new object[] { 204800L, 204800L, 10, "Shared", 2.5, 3.0, 17, 0, 1, 1, false, 0, "CreditEntryLevel", "ecs-3", 0, 0.0, "", 30, false, 0, 0, "", 1, false, false, 60000L, 60000L, 1, "Intel Xeon(Broadwell) E5-2682 v4", false, 0, 1, 1 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.t6-c1m1.large", columns, new object[] { 102400L, 102400L, 20, "Shared", 2.5, 3.1, 17, 1, 2, 2, false, 0, "CreditEntryLevel", "ecs-5", 0, 0.0, "", 0, false, 0, 0, "", 1, false, false, 50000L, 50000L, 1, "Intel Xeon(Skylake) Platinum 8163", false, 0, 1, 2 });
            migrationBuilder.UpdateData("InstanceTypes", "Id", "ecs.t6-c4m1.large", columns, new object[] { 81920L, 81920L, 10, "Shared", 2.5, 3.1, 17, 1, 2, 2, false, 0, "CreditEntryLevel", "ecs-5", 0, 0.0, "", 0, false, 0, 0, "", 1, false, false, 40000L, 40000L, 1, "Intel Xeon(Skylake) Platinum 8163", false, 0, 1, 2 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Hardware_BandwidthRxKbps",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_BandwidthTxKbps",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_BaselineCredit",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_Category",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_CpuSpeedGHz",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_CpuTurboGHz",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_DiskQuantity",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_EniIpv6AddressQuantity",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_EniPrivateIpAddressQuantity",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_EniQuantity",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_EniTrunkSupported",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_EriQuantity",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_FamilyLevel",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_Generation",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_GpuAmount",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_GpuMemoryGiB",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_GpuSpec",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_InitialCredit",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_JumboFrameSupport",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_LocalStorageAmount",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_LocalStorageCapacityGiB",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_LocalStorageCategory",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_MaximumQueueNumberPerEni",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_NestedVirtualizationSupport",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_NetworkEncryptionSupport",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_PpsRx",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_PpsTx",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_PrimaryEniQueueNumber",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_ProcessorModel",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_PtpSupport",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_QueuePairNumber",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_SecondaryEniQueueNumber",
                table: "InstanceTypes");

            migrationBuilder.DropColumn(
                name: "Hardware_ThreadsPerCore",
                table: "InstanceTypes");
        }
    }
}
