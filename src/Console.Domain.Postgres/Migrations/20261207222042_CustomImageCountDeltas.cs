using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
{
    /// <summary>
    /// The custom tab's counts on PostgreSQL (Images/CustomImageCounts.cs, ADR-042): an append-only table of +1/-1 rows per
    /// (account, region, status), written by a trigger on Images in the statement that changes the image, and summed by
    /// the reader. Only inserts: no transaction waits for another's counter row, so changes of one account's images in
    /// varying order cannot deadlock (ADR-039's reason for no counter row here). CustomImageCountDeltas.CompactAsync folds each
    /// group's rows into one, in the background (CustomImageCountCompactor), one node at a time.
    /// </summary>
    public partial class CustomImageCountDeltas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE TABLE "CustomImageCountDeltas" (
                    "Id" bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT "PK_CustomImageCountDeltas" PRIMARY KEY,
                    "OwnerAccountId" text COLLATE "C" NOT NULL,
                    "RegionId" text COLLATE "C" NOT NULL,
                    "Status" text COLLATE "C" NOT NULL,
                    "Delta" integer NOT NULL
                );
                CREATE INDEX "IX_CustomImageCountDeltas_Owner_Region" ON "CustomImageCountDeltas" ("OwnerAccountId", "RegionId", "Status") INCLUDE ("Delta");
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "CustomImageCountDeltas" ("OwnerAccountId", "RegionId", "Status", "Delta")
                SELECT "OwnerAccountId", "RegionId", "Status", count(*) FROM "Images"
                WHERE "Kind" = 'Custom' AND "OwnerAccountId" IS NOT NULL
                GROUP BY "OwnerAccountId", "RegionId", "Status";
                """);
            migrationBuilder.Sql(
                """
                CREATE FUNCTION "Images_CountDelta"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD."OwnerAccountId" IS NOT DISTINCT FROM NEW."OwnerAccountId" AND OLD."RegionId" = NEW."RegionId"
                        AND OLD."Kind" = NEW."Kind" AND OLD."Status" = NEW."Status" THEN
                        RETURN NULL;
                    END IF;
                    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."Kind" = 'Custom' AND OLD."OwnerAccountId" IS NOT NULL THEN
                        INSERT INTO "CustomImageCountDeltas" ("OwnerAccountId", "RegionId", "Status", "Delta")
                        VALUES (OLD."OwnerAccountId", OLD."RegionId", OLD."Status", -1);
                    END IF;
                    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."Kind" = 'Custom' AND NEW."OwnerAccountId" IS NOT NULL THEN
                        INSERT INTO "CustomImageCountDeltas" ("OwnerAccountId", "RegionId", "Status", "Delta")
                        VALUES (NEW."OwnerAccountId", NEW."RegionId", NEW."Status", 1);
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Images_CountDelta" AFTER INSERT OR DELETE OR UPDATE OF "OwnerAccountId", "RegionId", "Kind", "Status" ON "Images"
                FOR EACH ROW EXECUTE FUNCTION "Images_CountDelta"();
                """);

            // TRUNCATE fires no row trigger: the world reset (PostgresWorldTemplate) truncates Images and copies the demo
            // world back, whose inserts count again, so a truncate of Images empties the counts in the same transaction.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION "Images_CountDeltaTruncate"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM "CustomImageCountDeltas";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Images_CountDeltaTruncate" AFTER TRUNCATE ON "Images"
                FOR EACH STATEMENT EXECUTE FUNCTION "Images_CountDeltaTruncate"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Images_CountDeltaTruncate" ON "Images";""");
            migrationBuilder.Sql("""DROP FUNCTION "Images_CountDeltaTruncate"();""");
            migrationBuilder.Sql("""DROP TRIGGER "Images_CountDelta" ON "Images";""");
            migrationBuilder.Sql("""DROP FUNCTION "Images_CountDelta"();""");
            migrationBuilder.Sql("""DROP TABLE "CustomImageCountDeltas";""");
        }
    }
}
