using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_OwnerFamily",
                table: "Images",
                columns: new[] { "OwnerAccountId", "RegionId", "Family", "CreationTime", "Key", "Kind", "Status" },
                filter: "\"Family\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Images_ProductCode",
                table: "Images",
                columns: new[] { "ProductCode", "RegionId", "CreationTime" },
                filter: "\"ProductCode\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Images_Catalogue_OwnerFamily",
                table: "Images");

            migrationBuilder.DropIndex(
                name: "IX_Images_ProductCode",
                table: "Images");
        }
    }
}
