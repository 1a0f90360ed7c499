using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MarketplaceCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_MarketplaceSubscriptions",
                table: "MarketplaceSubscriptions");

            migrationBuilder.AddColumn<string>(
                name: "RegionId",
                table: "MarketplaceSubscriptions",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Plan",
                table: "MarketplaceSubscriptions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubscribedBy",
                table: "MarketplaceSubscriptions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillingModel",
                table: "MarketplaceProducts",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "ByAlibabaCloud",
                table: "MarketplaceProducts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "UsageNotes",
                table: "MarketplaceProducts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "MarketplaceProducts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_MarketplaceSubscriptions",
                table: "MarketplaceSubscriptions",
                columns: new[] { "AccountId", "ProductCode", "RegionId" });

            migrationBuilder.CreateTable(
                name: "MarketplacePrices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductCode = table.Column<string>(type: "TEXT", nullable: false),
                    MinVcpu = table.Column<int>(type: "INTEGER", nullable: false),
                    FeePerHour = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketplacePrices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketplacePrices_MarketplaceProducts_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "MarketplaceProducts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MarketplacePrices_ProductCode",
                table: "MarketplacePrices",
                column: "ProductCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MarketplacePrices");

            migrationBuilder.DropPrimaryKey(
                name: "PK_MarketplaceSubscriptions",
                table: "MarketplaceSubscriptions");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "MarketplaceSubscriptions");

            migrationBuilder.DropColumn(
                name: "Plan",
                table: "MarketplaceSubscriptions");

            migrationBuilder.DropColumn(
                name: "SubscribedBy",
                table: "MarketplaceSubscriptions");

            migrationBuilder.DropColumn(
                name: "BillingModel",
                table: "MarketplaceProducts");

            migrationBuilder.DropColumn(
                name: "ByAlibabaCloud",
                table: "MarketplaceProducts");

            migrationBuilder.DropColumn(
                name: "UsageNotes",
                table: "MarketplaceProducts");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "MarketplaceProducts");

            migrationBuilder.AddPrimaryKey(
                name: "PK_MarketplaceSubscriptions",
                table: "MarketplaceSubscriptions",
                columns: new[] { "AccountId", "ProductCode" });
        }
    }
}
