using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DataVersion : Migration
    {
        /// <summary>The versioned tables when this migration was made.</summary>
        private static readonly string[] Tables =
        [
            "AccessKeys", "AccountMemberships", "Accounts", "AspNetRoleClaims", "AspNetRoles", "AspNetUserClaims",
            "AspNetUserLogins", "AspNetUserPasskeys", "AspNetUserRoles", "AspNetUserTokens", "AspNetUsers", "AsyncTasks",
            "AuditEntries", "AutoSnapshotPolicies", "AutoSnapshotPolicyTags", "AutoSnapshotPolicyTargetTags", "ClientTokenClaims", "DataProtectionKeys",
            "DiskAutoSnapshotPolicies", "DiskTags", "Disks", "ImageComponents", "ImageDiskMappings", "ImagePipelineExecutions",
            "ImagePipelines", "ImageShares", "ImageTags", "ImageUpdateRuns", "Images", "InstanceTypeZones",
            "InstanceTypes", "Instances", "KeyPairTags", "KeyPairs", "MarketplacePrices", "MarketplaceProducts",
            "MarketplaceSubscriptions", "OssBuckets", "OssObjects", "QuotaRequests", "Quotas", "Regions",
            "ResourceGroups", "SasDisks", "SasImages", "SasServers", "SasSnapshots", "SimulationClock",
            "SimulationFaults", "SnapshotGroups", "SnapshotTags", "Snapshots", "Zones",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersion", x => x.Id);
                });

            // The data version (ADR-033): its one row, and the triggers that give it a new token at each change of every
            // table an answer is made of (all but DataVersionTriggers.Unversioned).
            EcsConsole.Domain.Persistence.DataVersionTriggers.CreateRow(migrationBuilder);
            EcsConsole.Domain.Persistence.DataVersionTriggers.Add(migrationBuilder, Tables);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            EcsConsole.Domain.Persistence.DataVersionTriggers.Drop(migrationBuilder, Tables);
            EcsConsole.Domain.Persistence.DataVersionTriggers.DropRow(migrationBuilder);
            migrationBuilder.DropTable(
                name: "DataVersion");
        }
    }
}
