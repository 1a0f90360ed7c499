using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <summary>
    /// The custom tab's searched count (Images/CustomImageCounts.cs, issue #20): a contentless FTS5 trigram index of every
    /// custom image's name and ID, lowered as lower() lowers (ASCII), case-sensitive, with the rowid
    /// (scope &lt;&lt; 36) + (status &lt;&lt; 32) + Key, kept by the triggers below in the statement that changes the image.
    /// The status numbers are ImageStatus's values (Deprecated last, so the tab's default is one range): a new status
    /// needs a new migration with the triggers recreated, and ImageCatalogServiceTests.SearchedCustomTabCount_* fails
    /// until then. SQLite only; a later migration that rebuilds Images drops the triggers with the old table.
    /// </summary>
    public partial class CustomImageSearch : Migration
    {
        private static string Row(string image) => $"""
            (((SELECT "Scope" FROM "CustomImageSearchScopes" WHERE "OwnerAccountId" = {image}."OwnerAccountId" AND "RegionId" = {image}."RegionId") << 36)
             + ((CASE {image}."Status" WHEN 'Creating' THEN 0 WHEN 'Waiting' THEN 1 WHEN 'Available' THEN 2 WHEN 'UnAvailable' THEN 3
                 WHEN 'CreateFailed' THEN 4 WHEN 'Deprecated' THEN 5 ELSE 15 END) << 32)
             + {image}."Key")
            """;

        private static string Scope(string image) => $"""
            INSERT INTO "CustomImageSearchScopes" ("OwnerAccountId", "RegionId")
            SELECT {image}."OwnerAccountId", {image}."RegionId"
            WHERE {image}."Kind" = 'Custom' AND {image}."OwnerAccountId" IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM "CustomImageSearchScopes" WHERE "OwnerAccountId" = {image}."OwnerAccountId" AND "RegionId" = {image}."RegionId");
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE TABLE "CustomImageSearchScopes" (
                    "Scope" INTEGER NOT NULL CONSTRAINT "PK_CustomImageSearchScopes" PRIMARY KEY,
                    "OwnerAccountId" TEXT NOT NULL,
                    "RegionId" TEXT NOT NULL,
                    CONSTRAINT "AK_CustomImageSearchScopes_Owner_Region" UNIQUE ("OwnerAccountId", "RegionId")
                );
                """);
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE "CustomImageSearch" USING fts5("Name", "Id", content='', tokenize='trigram case_sensitive 1');
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "CustomImageSearchScopes" ("OwnerAccountId", "RegionId")
                SELECT DISTINCT "OwnerAccountId", "RegionId" FROM "Images" WHERE "Kind" = 'Custom' AND "OwnerAccountId" IS NOT NULL;
                """);
            migrationBuilder.Sql(
                $"""
                INSERT INTO "CustomImageSearch" (rowid, "Name", "Id")
                SELECT {Row("i")}, lower(i."Name"), lower(i."Id")
                FROM "Images" AS i WHERE i."Kind" = 'Custom' AND i."OwnerAccountId" IS NOT NULL;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "Images_CustomSearch_Insert" AFTER INSERT ON "Images"
                WHEN new."Kind" = 'Custom' AND new."OwnerAccountId" IS NOT NULL BEGIN
                    {Scope("new")}
                    INSERT INTO "CustomImageSearch" (rowid, "Name", "Id") VALUES ({Row("new")}, lower(new."Name"), lower(new."Id"));
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "Images_CustomSearch_Delete" AFTER DELETE ON "Images"
                WHEN old."Kind" = 'Custom' AND old."OwnerAccountId" IS NOT NULL BEGIN
                    INSERT INTO "CustomImageSearch" ("CustomImageSearch", rowid, "Name", "Id") VALUES ('delete', {Row("old")}, lower(old."Name"), lower(old."Id"));
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "Images_CustomSearch_Update" AFTER UPDATE OF "OwnerAccountId", "RegionId", "Kind", "Status", "Name", "Id" ON "Images" BEGIN
                    INSERT INTO "CustomImageSearch" ("CustomImageSearch", rowid, "Name", "Id")
                    SELECT 'delete', {Row("old")}, lower(old."Name"), lower(old."Id") WHERE old."Kind" = 'Custom' AND old."OwnerAccountId" IS NOT NULL;
                    {Scope("new")}
                    INSERT INTO "CustomImageSearch" (rowid, "Name", "Id")
                    SELECT {Row("new")}, lower(new."Name"), lower(new."Id") WHERE new."Kind" = 'Custom' AND new."OwnerAccountId" IS NOT NULL;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Images_CustomSearch_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Images_CustomSearch_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Images_CustomSearch_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "CustomImageSearch";""");
            migrationBuilder.Sql("""DROP TABLE "CustomImageSearchScopes";""");
        }
    }
}
