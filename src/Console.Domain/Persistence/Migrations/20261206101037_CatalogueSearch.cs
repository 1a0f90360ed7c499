using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
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

            // The name and ID substring searches (ImageSearch.cs): an FTS5 trigram index over Images' Name and Id, an
            // external-content table (it stores only the index; the text stays in Images), kept by the triggers below. A
            // later migration that rebuilds Images (SQLite's way to alter a column) drops the triggers with the old table:
            // ImageCatalogServiceTests.List_SearchByName_FollowsARenameAndADeletion fails until it recreates them.
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE "ImageSearch" USING fts5("Name", "Id", content='Images', content_rowid='Key', tokenize='trigram');
                """);
            migrationBuilder.Sql("""INSERT INTO "ImageSearch"("ImageSearch") VALUES ('rebuild');""");
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "Images_Search_Insert" AFTER INSERT ON "Images" BEGIN
                    INSERT INTO "ImageSearch"(rowid, "Name", "Id") VALUES (new."Key", new."Name", new."Id");
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "Images_Search_Delete" AFTER DELETE ON "Images" BEGIN
                    INSERT INTO "ImageSearch"("ImageSearch", rowid, "Name", "Id") VALUES ('delete', old."Key", old."Name", old."Id");
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "Images_Search_Update" AFTER UPDATE OF "Name", "Id" ON "Images" BEGIN
                    INSERT INTO "ImageSearch"("ImageSearch", rowid, "Name", "Id") VALUES ('delete', old."Key", old."Name", old."Id");
                    INSERT INTO "ImageSearch"(rowid, "Name", "Id") VALUES (new."Key", new."Name", new."Id");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Images_Search_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Images_Search_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Images_Search_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "ImageSearch";""");

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
