using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Images_OwnerAccountId_RegionId",
                table: "Images");

            migrationBuilder.DropIndex(
                name: "IX_Images_RegionId_Kind_Status",
                table: "Images");

            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_Community",
                table: "Images",
                columns: new[] { "RegionId", "IsPublic", "CreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_OwnerByName",
                table: "Images",
                columns: new[] { "OwnerAccountId", "RegionId", "Name", "Key", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_OwnerByTime",
                table: "Images",
                columns: new[] { "OwnerAccountId", "RegionId", "CreationTime", "Key", "Kind", "Status", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_OwnerCount",
                table: "Images",
                columns: new[] { "OwnerAccountId", "RegionId", "Kind", "Status", "OsType", "Architecture", "Family" });

            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_Platform",
                table: "Images",
                columns: new[] { "RegionId", "Kind", "Status", "CreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Images_SourceImageId",
                table: "Images",
                column: "SourceImageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Images_Catalogue_Community",
                table: "Images");

            migrationBuilder.DropIndex(
                name: "IX_Images_Catalogue_OwnerByName",
                table: "Images");

            migrationBuilder.DropIndex(
                name: "IX_Images_Catalogue_OwnerByTime",
                table: "Images");

            migrationBuilder.DropIndex(
                name: "IX_Images_Catalogue_OwnerCount",
                table: "Images");

            migrationBuilder.DropIndex(
                name: "IX_Images_Catalogue_Platform",
                table: "Images");

            migrationBuilder.DropIndex(
                name: "IX_Images_SourceImageId",
                table: "Images");

            migrationBuilder.CreateIndex(
                name: "IX_Images_OwnerAccountId_RegionId",
                table: "Images",
                columns: new[] { "OwnerAccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Images_RegionId_Kind_Status",
                table: "Images",
                columns: new[] { "RegionId", "Kind", "Status" });
        }
    }
}
