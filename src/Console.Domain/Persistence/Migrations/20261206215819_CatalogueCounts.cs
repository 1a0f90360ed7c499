using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
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

            // The custom tab's counts (CustomImageCounts.cs): one row per account, region and status, kept by the triggers
            // below in the statement that changes the image. SQLite only; a later migration that rebuilds Images drops the
            // triggers with the old table, and ImageCatalogServiceTests.CustomTabCount_* fails until it recreates them.
            migrationBuilder.Sql(
                """
                CREATE TABLE "CustomImageCounts" (
                    "OwnerAccountId" TEXT NOT NULL,
                    "RegionId" TEXT NOT NULL,
                    "Status" TEXT NOT NULL,
                    "Count" INTEGER NOT NULL,
                    PRIMARY KEY ("OwnerAccountId", "RegionId", "Status")
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "CustomImageCounts" ("OwnerAccountId", "RegionId", "Status", "Count")
                SELECT "OwnerAccountId", "RegionId", "Status", count(*) FROM "Images"
                WHERE "Kind" = 'Custom' AND "OwnerAccountId" IS NOT NULL
                GROUP BY "OwnerAccountId", "RegionId", "Status";
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "Images_Count_Insert" AFTER INSERT ON "Images"
                WHEN new."Kind" = 'Custom' AND new."OwnerAccountId" IS NOT NULL BEGIN
                    INSERT INTO "CustomImageCounts" ("OwnerAccountId", "RegionId", "Status", "Count")
                    VALUES (new."OwnerAccountId", new."RegionId", new."Status", 1)
                    ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "Images_Count_Delete" AFTER DELETE ON "Images"
                WHEN old."Kind" = 'Custom' AND old."OwnerAccountId" IS NOT NULL BEGIN
                    UPDATE "CustomImageCounts" SET "Count" = "Count" - 1
                    WHERE "OwnerAccountId" = old."OwnerAccountId" AND "RegionId" = old."RegionId" AND "Status" = old."Status";
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "Images_Count_Update" AFTER UPDATE OF "OwnerAccountId", "RegionId", "Kind", "Status" ON "Images" BEGIN
                    UPDATE "CustomImageCounts" SET "Count" = "Count" - 1
                    WHERE old."Kind" = 'Custom' AND "OwnerAccountId" = old."OwnerAccountId" AND "RegionId" = old."RegionId" AND "Status" = old."Status";
                    INSERT INTO "CustomImageCounts" ("OwnerAccountId", "RegionId", "Status", "Count")
                    SELECT new."OwnerAccountId", new."RegionId", new."Status", 1
                    WHERE new."Kind" = 'Custom' AND new."OwnerAccountId" IS NOT NULL
                    ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Images_Count_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Images_Count_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Images_Count_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "CustomImageCounts";""");

            migrationBuilder.DropIndex(
                name: "IX_Images_Catalogue_OwnerFamily",
                table: "Images");

            migrationBuilder.DropIndex(
                name: "IX_Images_ProductCode",
                table: "Images");
        }
    }
}
