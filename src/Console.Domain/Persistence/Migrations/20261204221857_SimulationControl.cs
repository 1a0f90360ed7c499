using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SimulationControl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SimulationClock",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    OffsetTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulationClock", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SimulationFaults",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TaskType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    HttpStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    Remaining = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulationFaults", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SimulationFaults_Kind_Action",
                table: "SimulationFaults",
                columns: new[] { "Kind", "Action" });

            migrationBuilder.CreateIndex(
                name: "IX_SimulationFaults_Kind_TaskType",
                table: "SimulationFaults",
                columns: new[] { "Kind", "TaskType" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SimulationClock");

            migrationBuilder.DropTable(
                name: "SimulationFaults");
        }
    }
}
