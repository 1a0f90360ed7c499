using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Images_Catalogue_Community",
                table: "Images");

            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_Community",
                table: "Images",
                columns: new[] { "RegionId", "Kind", "Status", "CreationTime" },
                filter: "\"IsPublic\"");

            // The name and ID substring searches (ImageSearch.cs): ILIKE '%…%' served by trigram GIN indexes. pg_trgm is a
            // trusted extension (PostgreSQL 13+): the database's owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Images_Name_Trigram" ON "Images" USING gin ("Name" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Images_Id_Trigram" ON "Images" USING gin ("Id" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Images_Id_Trigram";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Images_Name_Trigram";""");

            migrationBuilder.DropIndex(
                name: "IX_Images_Catalogue_Community",
                table: "Images");

            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_Community",
                table: "Images",
                columns: new[] { "RegionId", "IsPublic", "CreationTime" });
        }
    }
}
