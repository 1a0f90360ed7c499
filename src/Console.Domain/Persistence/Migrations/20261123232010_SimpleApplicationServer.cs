using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SimpleApplicationServer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SasImages",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SourceServerId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SystemSnapshotId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DataSnapshotId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OsName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OsType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Architecture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BootMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NvmeSupport = table.Column<bool>(type: "INTEGER", nullable: false),
                    SizeGiB = table.Column<int>(type: "INTEGER", nullable: false),
                    DataDiskSizeGiB = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    SharedToEcs = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourceImageId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SourceRegionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SasImages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SasServers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImageName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OsName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OsType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Architecture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BootMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NvmeSupport = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiredTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SasServers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SasSnapshots",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ServerId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DiskId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DiskType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SizeGiB = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SasSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SasDisks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ServerId = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SizeGiB = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SasDisks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SasDisks_SasServers_ServerId",
                        column: x => x.ServerId,
                        principalTable: "SasServers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SasDisks_ServerId",
                table: "SasDisks",
                column: "ServerId");

            migrationBuilder.CreateIndex(
                name: "IX_SasImages_AccountId_RegionId",
                table: "SasImages",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SasImages_SourceServerId",
                table: "SasImages",
                column: "SourceServerId");

            migrationBuilder.CreateIndex(
                name: "IX_SasServers_AccountId_RegionId",
                table: "SasServers",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SasSnapshots_ServerId",
                table: "SasSnapshots",
                column: "ServerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SasDisks");

            migrationBuilder.DropTable(
                name: "SasImages");

            migrationBuilder.DropTable(
                name: "SasSnapshots");

            migrationBuilder.DropTable(
                name: "SasServers");
        }
    }
}
