export const id = 39;
export const ids = [39];
export const modules = {

/***/ 6039:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ storage_restore)
});

// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/platforms/s3/client.ts
var client = __webpack_require__(2728);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/platforms/s3/versions.ts


const common = {
    Key: schemas/* string */.YjP(),
    // Objects written before versioning was enabled have the version id "null".
    VersionId: schemas/* string */.YjP().default("null"),
    IsLatest: schemas/* boolean */.zMY().default(false),
    LastModified: schemas/* date */.p6U(),
};
const page = schemas/* object */.Ikc({
    Versions: schemas/* array */.YOg(schemas/* object */.Ikc({
        ...common,
        ETag: schemas/* string */.YjP().optional(),
        Size: schemas/* number */.aig().default(0),
        StorageClass: schemas/* string */.YjP().optional(),
    })
        .loose())
        .optional(),
    DeleteMarkers: schemas/* array */.YOg(schemas/* object */.Ikc(common).loose()).optional(),
    IsTruncated: schemas/* boolean */.zMY().optional(),
    NextKeyMarker: schemas/* string */.YjP().optional(),
    NextVersionIdMarker: schemas/* string */.YjP().optional(),
})
    .loose();
/** S3 lists keys in UTF-8 binary order. */
function compareKeys(a, b) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
/** Newest first; on an equal time the one S3 marked latest first. */
function newestFirst(a, b) {
    return b.lastModified - a.lastModified || Number(b.latest) - Number(a.latest);
}
async function listPage(clients, input) {
    const { ListObjectVersionsCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const raw = await (0,client/* call */.T1)("ListObjectVersions", () => clients.read.send(new ListObjectVersionsCommand(input)));
    const answer = page.parse(raw);
    const entries = [
        ...(answer.Versions ?? []).map((v) => entry(v, false, v.ETag, v.Size, v.StorageClass)),
        ...(answer.DeleteMarkers ?? []).map((m) => entry(m, true, undefined, 0, undefined)),
    ];
    entries.sort((a, b) => compareKeys(a.key, b.key) || newestFirst(a, b));
    if (!answer.IsTruncated)
        return { entries, next: undefined };
    if (!answer.NextKeyMarker) {
        throw new Error("ListObjectVersions said there is more but gave no NextKeyMarker: stopping rather than guessing");
    }
    return { entries, next: { keyMarker: answer.NextKeyMarker, versionIdMarker: answer.NextVersionIdMarker } };
}
/**
 * Every key under `prefix` with its whole history, newest first, in key order. Pages are followed with
 * KeyMarker + VersionIdMarker; a key's history may span pages, so a key is handed on only once a later
 * key appears (keys come in ascending order). The SDK splits versions and delete markers into two
 * lists, so they are merged back by time.
 */
async function* histories(clients, bucket, prefix, stats = { pages: 0, entries: 0 }) {
    let pending = [];
    let next;
    do {
        const result = await listPage(clients, {
            Bucket: bucket,
            Prefix: prefix || undefined,
            KeyMarker: next?.keyMarker,
            VersionIdMarker: next?.versionIdMarker,
        });
        stats.pages++;
        stats.entries += result.entries.length;
        for (const e of result.entries) {
            if (pending.length > 0 && pending[0]?.key !== e.key) {
                yield pending.sort(newestFirst);
                pending = [];
            }
            pending.push(e);
        }
        next = result.next;
    } while (next);
    if (pending.length > 0)
        yield pending.sort(newestFirst);
}
function entry(v, deleteMarker, etag, size, storageClass) {
    return {
        key: v.Key,
        versionId: v.VersionId,
        deleteMarker,
        lastModified: v.LastModified.getTime(),
        etag,
        size,
        storageClass,
        latest: v.IsLatest,
    };
}
/**
 * A key's newest few entries in one request: the key as prefix (it sorts before every longer key it
 * is a prefix of, so its own entries come first), keeping only that key.
 */
async function keyHistory(clients, bucket, key, count = 3) {
    const { entries } = await listPage(clients, { Bucket: bucket, Prefix: key, MaxKeys: count });
    return entries.filter((e) => e.key === key);
}

;// CONCATENATED MODULE: ./src/platforms/s3/multipart.ts

/** Parts of 512 MiB: a 5 TB object (S3's largest) still fits in 10 000 parts. */
const PART_SIZE = 512 * 1024 ** 2;
const MAX_PARTS = 10_000;
const PARALLEL_PARTS = 4;
/**
 * A copy above CopyObject's 5 GB limit: CreateMultipartUpload with the version's headers (a multipart
 * upload does not copy them), UploadPartCopy by byte ranges, CompleteMultipartUpload. On failure the
 * upload is aborted so its parts are not kept (and billed).
 */
async function copyLarge(clients, copy) {
    const s3 = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const { bucket: Bucket, key: Key } = copy;
    const partSize = Math.max(copy.partSize ?? PART_SIZE, Math.ceil(copy.size / MAX_PARTS));
    const created = await (0,client/* call */.T1)("CreateMultipartUpload", () => clients.write.send(new s3.CreateMultipartUploadCommand({ Bucket, Key, ...copy.headers })), Key);
    const UploadId = created.UploadId;
    if (!UploadId)
        throw new client/* StorageError */.aq("CreateMultipartUpload", new Error("no UploadId in the answer"), Key);
    try {
        const count = Math.ceil(copy.size / partSize);
        const parts = [];
        let next = 1;
        const worker = async () => {
            while (next <= count) {
                const PartNumber = next++;
                const first = (PartNumber - 1) * partSize;
                const last = Math.min(copy.size, first + partSize) - 1;
                // A part copy only writes into this upload, so the SDK's read client may retry it.
                const answer = await (0,client/* call */.T1)("UploadPartCopy", () => clients.read.send(new s3.UploadPartCopyCommand({
                    Bucket,
                    Key,
                    UploadId,
                    PartNumber,
                    CopySource: copy.source,
                    CopySourceRange: `bytes=${first}-${last}`,
                })), Key);
                const ETag = answer.CopyPartResult?.ETag;
                if (!ETag)
                    throw new client/* StorageError */.aq("UploadPartCopy", new Error(`no ETag for part ${PartNumber}`), Key);
                parts.push({ PartNumber, ETag });
            }
        };
        await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, count) }, worker));
        parts.sort((a, b) => a.PartNumber - b.PartNumber);
        const done = await (0,client/* call */.T1)("CompleteMultipartUpload", () => clients.write.send(new s3.CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } })), Key);
        if (!done.VersionId)
            throw new client/* StorageError */.aq("CompleteMultipartUpload", new Error("no VersionId in the answer"), Key);
        return done.VersionId;
    }
    catch (error) {
        await clients.read.send(new s3.AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => { });
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/platforms/s3/plan.ts


/** User metadata a restored copy carries, so a later run knows it already holds that version. */
const RESTORED_FROM = "restored-from-version";
const sameContent = (a, b) => a.etag !== undefined && a.etag === b.etag && a.size === b.size;
/** What to do with one key, from its history (newest first) and the point in time. */
function decide(history, at, deleteNewer) {
    const current = history[0];
    const target = history.find((e) => e.lastModified <= at);
    const plan = (action, note) => ({
        key: current.key,
        action,
        target,
        current,
        note,
    });
    if (!target || target.deleteMarker) {
        if (current.deleteMarker)
            return plan("unchanged", target ? "deleted then and now" : "absent then and deleted now");
        if (!target && !deleteNewer)
            return plan("kept-newer", "created after the time; delete-newer is false");
        return plan("delete");
    }
    if (current.versionId === target.versionId)
        return plan("unchanged", "the same version is current");
    if (!current.deleteMarker && sameContent(current, target))
        return plan("unchanged", "the current version has the same content (ETag and size)");
    return plan("restore");
}
/**
 * Reads the prefix's versions and decides every key. A current version that is a restored copy of the
 * target (an earlier run's, marked with RESTORED_FROM; its ETag differs when the source was a multipart
 * upload) counts as unchanged: one HeadObject per such candidate, only where sizes match.
 */
async function planRestore(clients, options) {
    const { HeadObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const listing = { pages: 0, entries: 0 };
    const keys = [];
    const counts = { restore: 0, delete: 0, unchanged: 0, "kept-newer": 0 };
    let lastLog = Date.now();
    for await (const history of histories(clients, options.bucket, options.prefix, listing)) {
        let plan = decide(history, options.at, options.deleteNewer);
        const { current, target } = plan;
        if (plan.action === "restore" && target && !current.deleteMarker && current.size === target.size) {
            const head = await (0,client/* call */.T1)("HeadObject", () => clients.read.send(new HeadObjectCommand({ Bucket: options.bucket, Key: current.key, VersionId: current.versionId })), current.key);
            if (head.Metadata?.[RESTORED_FROM] === target.versionId) {
                plan = { ...plan, action: "unchanged", note: "the current version is a restored copy of it" };
            }
        }
        keys.push(plan);
        counts[plan.action]++;
        if (Date.now() - lastLog >= 5000) {
            lastLog = Date.now();
            options.log(`Read ${listing.entries} versions of ${keys.length} keys so far.`);
        }
    }
    return { bucket: options.bucket, prefix: options.prefix, at: options.at, keys, counts, listing };
}

;// CONCATENATED MODULE: ./src/platforms/s3/settings.ts


const grantee = schemas/* object */.Ikc({
    Type: schemas/* enum */.k5n(["CanonicalUser", "Group", "AmazonCustomerByEmail"]),
    ID: schemas/* string */.YjP().optional(),
    URI: schemas/* string */.YjP().optional(),
    EmailAddress: schemas/* string */.YjP().optional(),
})
    .loose();
const acl = schemas/* object */.Ikc({
    Owner: schemas/* object */.Ikc({ ID: schemas/* string */.YjP().optional() }).loose().optional(),
    Grants: schemas/* array */.YOg(schemas/* object */.Ikc({ Grantee: grantee, Permission: schemas/* string */.YjP() }).loose()).default([]),
})
    .loose();
const HEADER = {
    FULL_CONTROL: "GrantFullControl",
    READ: "GrantRead",
    READ_ACP: "GrantReadACP",
    WRITE_ACP: "GrantWriteACP",
};
/**
 * The version's ACL as grant headers. An ACL of the owner's FULL_CONTROL alone is what private means, so
 * nothing is sent then: a bucket with ACLs disabled (Object Ownership "bucket owner enforced") refuses
 * grant headers but always answers that ACL.
 */
function grantHeaders(answer) {
    const read = acl.parse(answer);
    const owner = read.Owner?.ID;
    const isPrivate = read.Grants.length === 1 &&
        read.Grants[0]?.Permission === "FULL_CONTROL" &&
        read.Grants[0].Grantee.Type === "CanonicalUser" &&
        read.Grants[0].Grantee.ID === owner;
    if (isPrivate || read.Grants.length === 0)
        return {};
    const lists = {};
    for (const { Grantee: g, Permission } of read.Grants) {
        if (!(Permission in HEADER))
            continue; // WRITE applies to buckets only.
        const who = g.Type === "CanonicalUser"
            ? `id="${g.ID}"`
            : g.Type === "Group"
                ? `uri="${g.URI}"`
                : `emailAddress="${g.EmailAddress}"`;
        const permission = Permission;
        lists[permission] = [...(lists[permission] ?? []), who];
    }
    const headers = {};
    for (const [permission, who] of Object.entries(lists)) {
        headers[HEADER[permission]] = who.join(", ");
    }
    return headers;
}
/** The version's encryption as copy headers (SSE-S3, SSE-KMS with its key id, DSSE-KMS, bucket key). */
function encryptionHeaders(head) {
    if (!head.ServerSideEncryption)
        return {};
    return {
        ServerSideEncryption: head.ServerSideEncryption,
        ...(head.SSEKMSKeyId ? { SSEKMSKeyId: head.SSEKMSKeyId } : {}),
        ...(head.BucketKeyEnabled ? { BucketKeyEnabled: true } : {}),
    };
}
/** GetObjectAcl of the version (s3:GetObjectVersionAcl). */
async function versionAcl(clients, bucket, key, versionId) {
    const { GetObjectAclCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const answer = await (0,client/* call */.T1)("GetObjectAcl", () => clients.read.send(new GetObjectAclCommand({ Bucket: bucket, Key: key, VersionId: versionId })), key);
    return grantHeaders(answer);
}
/** GetObjectTagging of the version as x-amz-tagging: a multipart upload does not copy tags. */
async function versionTagging(clients, bucket, key, versionId) {
    const { GetObjectTaggingCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const answer = await (0,client/* call */.T1)("GetObjectTagging", () => clients.read.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key, VersionId: versionId })), key);
    const tags = (answer.TagSet ?? []).filter((t) => t.Key !== undefined);
    if (!tags.length)
        return undefined;
    return new URLSearchParams(tags.map((t) => [t.Key, t.Value ?? ""])).toString();
}

;// CONCATENATED MODULE: ./src/platforms/s3/write.ts





/** CopyObject copies at most 5 GB (5 GiB) in one request; larger sources go through UploadPartCopy. */
const COPY_OBJECT_LIMIT = 5 * 1024 ** 3;
/** A write without a clear answer, and the read that would have told whether it happened failed too. */
class UnsettledWrite extends Error {
    name = "UnsettledWrite";
    cause;
    constructor(write, read) {
        super(`${write.message}; reading the key to see whether it was written failed too: ${read instanceof Error ? read.message : String(read)}`);
        this.cause = read;
    }
}
/** Writes one key as planned; an unclear answer is settled by reading the key before writing again. */
async function writeKey(clients, bucket, plan, options) {
    try {
        return await (plan.action === "delete"
            ? deleteKey(clients, bucket, plan.key)
            : copyVersion(clients, bucket, plan, options));
    }
    catch (error) {
        if (!(error instanceof client/* StorageError */.aq) || !error.ambiguous)
            throw error;
        // No clear answer: read the key, and write once more only if the first try left no trace.
        let latest;
        let ours;
        try {
            latest = (await keyHistory(clients, bucket, plan.key, 1))[0];
            ours =
                latest !== undefined &&
                    latest.versionId !== plan.current.versionId &&
                    (await isOurs(clients, bucket, plan, latest));
        }
        catch (readError) {
            throw new UnsettledWrite(error, readError);
        }
        if (ours && latest)
            return latest.versionId;
        options.log(`${error.message}; the key is unchanged, so it is written once more.`);
        return plan.action === "delete"
            ? deleteKey(clients, bucket, plan.key)
            : copyVersion(clients, bucket, plan, options);
    }
}
/** Whether `latest` is this run's write of the key: a delete marker for a delete, else the restored-from mark. */
async function isOurs(clients, bucket, plan, latest) {
    if (plan.action === "delete")
        return latest.deleteMarker;
    if (latest.deleteMarker)
        return false;
    const { HeadObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const head = await (0,client/* call */.T1)("HeadObject", () => clients.read.send(new HeadObjectCommand({ Bucket: bucket, Key: plan.key, VersionId: latest.versionId })), plan.key);
    return head.Metadata?.[RESTORED_FROM] === plan.target?.versionId;
}
async function deleteKey(clients, bucket, key) {
    const { DeleteObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    // No VersionId: on a versioned bucket this adds a delete marker; every version stays recoverable.
    const answer = await (0,client/* call */.T1)("DeleteObject", () => clients.write.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })), key);
    if (!answer.VersionId)
        throw new client/* StorageError */.aq("DeleteObject", new Error("S3 answered without the delete marker's version id"), key);
    return answer.VersionId;
}
/** `bucket/key?versionId=…` with the key URL-encoded, as CopyObject's x-amz-copy-source requires. */
function copySource(bucket, key, versionId) {
    const path = key.split("/").map(encodeURIComponent).join("/");
    return `${encodeURIComponent(bucket)}/${path}?versionId=${encodeURIComponent(versionId)}`;
}
async function copyVersion(clients, bucket, plan, options) {
    const { CopyObjectCommand, HeadObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const target = plan.target;
    // REPLACE, to add the restored-from mark; so every header the version had is read and sent again.
    const head = await (0,client/* call */.T1)("HeadObject", () => clients.read.send(new HeadObjectCommand({ Bucket: bucket, Key: plan.key, VersionId: target.versionId })), plan.key);
    // The copy does not carry the version's ACL or encryption: both are read and sent again.
    const acl = await versionAcl(clients, bucket, plan.key, target.versionId);
    const headers = {
        ContentType: head.ContentType,
        CacheControl: head.CacheControl,
        ContentDisposition: head.ContentDisposition,
        ContentEncoding: head.ContentEncoding,
        ContentLanguage: head.ContentLanguage,
        Expires: head.Expires,
        WebsiteRedirectLocation: head.WebsiteRedirectLocation,
        Metadata: { ...head.Metadata, [RESTORED_FROM]: target.versionId },
        StorageClass: target.storageClass,
        ...encryptionHeaders(head),
        ...acl,
    };
    const source = copySource(bucket, plan.key, target.versionId);
    if (target.size > (options.copyLimit ?? COPY_OBJECT_LIMIT)) {
        // A multipart upload copies no tags: they go with CreateMultipartUpload.
        const Tagging = await versionTagging(clients, bucket, plan.key, target.versionId);
        return copyLarge(clients, {
            bucket,
            key: plan.key,
            source,
            size: target.size,
            headers: { ...headers, ...(Tagging ? { Tagging } : {}) },
            partSize: options.partSize,
        });
    }
    const answer = await (0,client/* call */.T1)("CopyObject", () => clients.write.send(new CopyObjectCommand({
        Bucket: bucket,
        Key: plan.key,
        CopySource: source,
        MetadataDirective: "REPLACE",
        // COPY (the default, said outright): the tags of the version copied.
        TaggingDirective: "COPY",
        ...headers,
    })), plan.key);
    if (!answer.VersionId)
        throw new client/* StorageError */.aq("CopyObject", new Error("S3 answered without the new version's id"), plan.key);
    return answer.VersionId;
}

;// CONCATENATED MODULE: ./src/platforms/s3/restore.ts



const CONCURRENCY = 8;
/**
 * The restore stopped: every worker was let finish the key it was writing, then the keys it had sent
 * writes for were read back. `written` is what the bucket shows this run wrote, when `readBack`.
 */
class RestoreInterrupted extends Error {
    name = "RestoreInterrupted";
    cause;
    written;
    /** False: the bucket could not be read back; `written` holds only the writes S3 answered. */
    readBack;
    /** Writes sent without a clear answer, when the bucket could not be read back. */
    unsure;
    constructor(cause, written, readBack, unsure) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.cause = cause;
        this.written = written;
        this.readBack = readBack;
        this.unsure = unsure;
    }
}
/**
 * Applies the plan's restores and deletes, a few keys at a time, then checks each written key: the
 * newest entry must be this run's write and the one under it the version the plan saw as current.
 * Anything else means another writer changed the key during the restore; it is reported, never
 * overwritten again (what it wrote stays in the key's history either way).
 *
 * On the first failure (or a cancel) no worker starts another key; those writing one finish it, then
 * every key a write was sent for is read back, so what is reported is what the bucket holds.
 */
async function applyRestore(clients, plan, options) {
    const work = plan.keys.filter((k) => k.action === "restore" || k.action === "delete");
    const results = work.map((p) => ({ plan: p }));
    const sent = new Set();
    // Writes that failed without a clear answer (no answer, or a 5xx): they may have happened.
    const unclear = new Set();
    let next = 0;
    let done = 0;
    let failure;
    let lastLog = Date.now();
    const worker = async () => {
        while (next < results.length && !failure) {
            if (options.signal?.aborted) {
                failure = {
                    error: new Error("stopped (the run was cancelled)"),
                };
                return;
            }
            const result = results[next++];
            sent.add(result);
            try {
                result.written = await writeKey(clients, plan.bucket, result.plan, options);
            }
            catch (error) {
                // A clear refusal wrote nothing; anything else may have written.
                if (!(error instanceof client/* StorageError */.aq) || error.ambiguous)
                    unclear.add(result);
                failure ??= { error };
                return;
            }
            done++;
            if (Date.now() - lastLog >= 5000) {
                lastLog = Date.now();
                options.log(`${done} of ${results.length} keys written.`);
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, results.length) }, worker));
    if (failure)
        throw await stopped(clients, plan, [...sent], unclear.size, failure.error, options);
    try {
        await verify(clients, plan, results);
    }
    catch (error) {
        // Every write was answered; only the check after them could not read the bucket.
        throw new RestoreInterrupted(error, results, false, 0);
    }
    return results;
}
/** Reads back each key a write was sent for: this run's write is the newest entry, or it did not happen. */
async function stopped(clients, plan, sent, unclear, cause, options) {
    options.log(`Stopped after ${sent.length} keys were sent; reading them back.`);
    // What S3 answered, kept in case the read-back fails part-way.
    const answered = sent.map((r) => [r, r.written]);
    try {
        for (const result of sent) {
            const latest = (await keyHistory(clients, plan.bucket, result.plan.key, 1))[0];
            const ours = latest !== undefined &&
                latest.versionId !== result.plan.current.versionId &&
                (latest.versionId === result.written || (await isOurs(clients, plan.bucket, result.plan, latest)));
            result.written = ours ? latest.versionId : undefined;
        }
    }
    catch {
        for (const [result, written] of answered)
            result.written = written;
        return new RestoreInterrupted(cause, sent.filter((r) => r.written), false, unclear);
    }
    return new RestoreInterrupted(cause, sent.filter((r) => r.written), true, 0);
}
/** Checks each written key, reading the prefix again when that takes fewer requests than one per key. */
async function verify(clients, plan, results) {
    const check = (result, history) => {
        const at = history.findIndex((e) => e.versionId === result.written);
        const below = history[at + 1];
        if (at < 0)
            result.changed = "this run's write is no longer among its newest versions: it was written again since";
        else if (at > 0)
            result.changed = `written again after the restore (now version ${history[0]?.versionId})`;
        else if (below?.versionId !== result.plan.current.versionId) {
            result.changed = `written during the restore (version ${below?.versionId} came after the plan read ${result.plan.current.versionId}; it is kept in the history)`;
        }
    };
    if (results.length > plan.listing.pages) {
        const byKey = new Map(results.map((r) => [r.plan.key, r]));
        for await (const history of histories(clients, plan.bucket, plan.prefix)) {
            const key = history[0]?.key ?? "";
            const result = byKey.get(key);
            if (result)
                check(result, history);
            byKey.delete(key);
        }
        for (const result of byKey.values())
            check(result, []);
        return;
    }
    for (const result of results)
        check(result, await keyHistory(clients, plan.bucket, result.plan.key, 3));
}

// EXTERNAL MODULE: ./src/actions/storage-restore/inputs.ts
var inputs = __webpack_require__(8469);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/actions/storage-restore/report-file.ts



/** Where the report goes: the runner's temp folder (upload it as an artifact to keep it). */
function reportPath(temp, bucket) {
    const dir = temp ?? (0,external_node_os_.tmpdir)();
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    return (0,external_node_path_.join)(dir, `storage-restore-${bucket.replace(/[^\w.-]/g, "_")}.json`);
}
/**
 * One line per key: what the restore does (or did) with it, the version it brings back (`null` for a
 * key that did not exist then), the version it replaces (kept in the key's history), and after a run
 * the version written and whether another writer changed the key meanwhile. After a stop part-way,
 * `written` is only on keys the bucket shows this run wrote (`readBack: false`: those S3 answered).
 */
function writeReport(path, plan, dryRun, results, 
/** Set when the run stopped part-way: whether `results` were read back from the bucket. */
stopped) {
    const byKey = new Map((results ?? []).map((r) => [r.plan.key, r]));
    const keys = plan.keys.map((k) => {
        const result = byKey.get(k.key);
        return {
            key: k.key,
            action: k.action,
            version: k.target ? (k.target.deleteMarker ? "delete-marker" : k.target.versionId) : null,
            replaced: k.current.versionId,
            ...(k.note ? { note: k.note } : {}),
            ...(result?.written ? { written: result.written } : {}),
            ...(result?.changed ? { changed: result.changed } : {}),
        };
    });
    const report = {
        bucket: plan.bucket,
        prefix: plan.prefix,
        pointInTime: new Date(plan.at).toISOString(),
        dryRun,
        applied: results !== undefined,
        ...(stopped ? { complete: false, readBack: stopped.readBack } : {}),
        ...(results ? { written: results.filter((r) => r.written).length } : {}),
        counts: plan.counts,
        keys,
    };
    (0,external_node_fs_.writeFileSync)(path, `${JSON.stringify(report, null, 2)}\n`);
}

;// CONCATENATED MODULE: ./src/actions/storage-restore/plan.ts




/** Without versioning there is no earlier version to go back to: refused before anything is read further. */
class NoVersioningError extends Error {
    name = "NoVersioningError";
}
function clientsFor(ctx) {
    const { settings } = ctx;
    return (0,client/* s3Clients */.fF)({
        endpoint: settings.endpoint,
        region: settings.region,
        accessKeyId: settings["access-key-id"],
        secretAccessKey: settings["secret-access-key"],
    });
}
async function requireVersioning(clients, bucket) {
    let status;
    try {
        status = await (0,client/* versioningStatus */.zi)(clients, bucket);
    }
    catch (error) {
        // Services without the versioning API (R2, Supabase Storage) answer NotImplemented or similar.
        if (error instanceof client/* StorageError */.aq && (error.code === "NotImplemented" || error.status === 501))
            status = undefined;
        else
            throw error;
    }
    if (status === "Enabled")
        return;
    throw new NoVersioningError(status === "Suspended"
        ? `Bucket "${bucket}" has versioning suspended: writes now replace the "null" version instead of keeping history, so a restore could overwrite data with no way back. Turn versioning on again (it keeps history from then on), then run again.`
        : `Bucket "${bucket}" has no versioning, so no earlier versions exist to restore from: a point-in-time restore is impossible. Cloudflare R2 and Supabase Storage have no versioning at all (restore from a backup copy instead); on S3, turn versioning on now to protect from now on.`);
}
/** Reads the bucket's versioning and every version under the prefix, and decides each key. Writes the report. */
async function planStorage(ctx) {
    const { settings } = ctx;
    const { at } = (0,inputs/* checkInputs */.sw)(settings);
    const clients = await clientsFor(ctx);
    try {
        await requireVersioning(clients, settings.bucket);
        const restore = await planRestore(clients, {
            bucket: settings.bucket,
            prefix: settings.prefix,
            at,
            deleteNewer: settings["delete-newer"],
            log: (line) => ctx.log.info(line),
        });
        const report = reportPath(ctx.run.temp, settings.bucket);
        writeReport(report, restore, settings["dry-run"]);
        const { counts } = restore;
        ctx.log.info(`${where(restore)} at ${new Date(at).toISOString()}: ${counts.restore} to restore, ${counts.delete} to delete, ${counts.unchanged} already as they were, ${counts["kept-newer"]} newer kept (${restore.listing.entries} versions in ${restore.listing.pages} pages). Report: ${report}`);
        return { restore, report, deleteNewer: settings["delete-newer"] };
    }
    finally {
        clients.close();
    }
}
function where(plan) {
    return `s3://${plan.bucket}/${plan.prefix}`;
}
const SHOWN = 20;
function describeStorage(plan, summary) {
    const { restore } = plan;
    const { counts } = restore;
    summary.text(`Restore \`${where(restore)}\` to **${new Date(restore.at).toISOString()}**.`);
    summary.table(["", "keys"], [
        ["Restore an earlier version", counts.restore],
        ["Delete (a delete marker: still recoverable)", counts.delete],
        ["Already as they were", counts.unchanged],
        ["Created later, kept (delete-newer: false)", counts["kept-newer"]],
    ]);
    const changes = restore.keys.filter((k) => k.action === "restore" || k.action === "delete");
    if (changes.length) {
        const rows = changes
            .slice(0, SHOWN)
            .map((k) => [k.key, k.action, k.target?.versionId ?? "–", k.current.versionId]);
        summary.table(["Key", "Action", "Version restored", "Replaces (kept in history)"], rows);
        if (changes.length > SHOWN)
            summary.text(`… and ${changes.length - SHOWN} more: every key is in the report.`);
    }
    summary.text(`Report: \`${plan.report}\`. Every replaced version stays in its key's history (versioning), so the restore itself can be undone.`);
}

;// CONCATENATED MODULE: ./src/actions/storage-restore/apply.ts



/** Copies and deletes as planned, then rewrites the report with what was written (read back when stopped part-way). */
async function applyStorage(ctx, plan) {
    const started = Date.now();
    const clients = await clientsFor(ctx);
    try {
        const results = await applyRestore(clients, plan.restore, {
            log: (line) => ctx.log.info(line),
            signal: ctx.signal,
        });
        writeReport(plan.report, plan.restore, false, results);
        return { kind: "restored", results, elapsedMs: Date.now() - started };
    }
    catch (error) {
        if (!(error instanceof RestoreInterrupted))
            throw error;
        writeReport(plan.report, plan.restore, false, error.written, { readBack: error.readBack });
        return { kind: "stopped", stopped: error, cancelled: ctx.signal.aborted };
    }
    finally {
        clients.close();
    }
}

// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
;// CONCATENATED MODULE: ./src/actions/storage-restore/explain.ts



/** S3 error codes a person can act on. */
const ADVICE = {
    AccessDenied: "the credentials lack a permission: the restore needs s3:GetBucketVersioning, s3:ListBucketVersions, s3:GetObjectVersion, s3:GetObjectVersionAcl, s3:GetObjectVersionTagging, s3:PutObject, s3:PutObjectAcl, s3:PutObjectTagging and s3:DeleteObject on the bucket (and kms:Decrypt, kms:GenerateDataKey on an SSE-KMS key).",
    InvalidAccessKeyId: "the access key id is not known to this service: check access-key-id (and endpoint, for a compatible service).",
    SignatureDoesNotMatch: "the secret access key does not match the key id: check secret-access-key.",
    NoSuchBucket: "there is no such bucket at this endpoint and region: check bucket, endpoint and region.",
    PermanentRedirect: "the bucket is in another region: set region to the bucket's region.",
    AuthorizationHeaderMalformed: "the region is wrong for this bucket: set region to the bucket's region.",
    SlowDown: "the service is throttling requests: run again in a few minutes (finished keys are left alone).",
    NotImplemented: "this service does not implement the call: it is not S3-compatible enough for a versioned restore.",
};
/** The error, the service's code and what to do about it. */
function adviseStorage(error) {
    const cause = error instanceof RestoreInterrupted ? error.cause : error;
    const message = (0,secrets/* errorMessage */.gJ)(error);
    const code = cause instanceof client/* StorageError */.aq ? cause.code : undefined;
    const advice = code ? ADVICE[code] : undefined;
    const unreachable = cause instanceof client/* StorageError */.aq && cause.status === undefined && !code;
    const next = advice ??
        (unreachable
            ? "the service did not answer: check endpoint and that the runner can reach it."
            : undefined);
    return `${message}${next ? `\nWhat to do: ${next}` : ""}`;
}
function explainStorage(error, phase, _plan) {
    const partial = phase === "apply"
        ? "\nSome keys may already be restored; running again is safe: keys already as they were are left alone."
        : "";
    return `${adviseStorage(error)}${partial}`;
}

// EXTERNAL MODULE: ./src/core/wait.ts
var wait = __webpack_require__(3210);
;// CONCATENATED MODULE: ./src/actions/storage-restore/report.ts



function planOutputs(plan) {
    return { report: plan.report, restored: 0, deleted: 0, changed: false };
}
function nothingToDo(plan) {
    const { counts } = plan.restore;
    if (counts.restore + counts.delete > 0)
        return undefined;
    return {
        status: "already-current",
        reason: `Every key under ${where(plan.restore)} is as it was at ${new Date(plan.restore.at).toISOString()} (${counts.unchanged} keys checked${counts["kept-newer"] ? `, ${counts["kept-newer"]} newer ones kept` : ""}): nothing to restore.`,
    };
}
function reportStorage(ctx, plan, run) {
    if (run.kind === "stopped")
        return reportStopped(plan, run);
    const restored = run.results.filter((r) => r.plan.action === "restore").length;
    const deleted = run.results.filter((r) => r.plan.action === "delete").length;
    const changed = run.results.filter((r) => r.changed);
    const at = new Date(plan.restore.at).toISOString();
    ctx.log.info(`${where(plan.restore)} restored to ${at}: ${restored} keys restored, ${deleted} deleted in ${(0,wait/* formatMs */._V)(run.elapsedMs)}.`);
    for (const r of changed)
        ctx.log.warn(`${r.plan.key}: changed by another writer during the restore: ${r.changed}.`);
    return {
        status: "restored",
        headline: changed.length ? "⚠️ restored, with keys changed meanwhile" : "✅ restored",
        outputs: {
            restored,
            deleted,
            changed: run.results.length > 0,
            "changed-meanwhile": changed.length,
            report: plan.report,
        },
        summary: (summary) => {
            summary.text(`\`${where(plan.restore)}\` restored to **${at}** in ${(0,wait/* formatMs */._V)(run.elapsedMs)}: ${restored} keys restored, ${deleted} deleted (delete markers), ${plan.restore.counts.unchanged} already as they were.`);
            if (changed.length) {
                summary.heading("Changed by another writer during the restore");
                summary.text("These keys are not as they were at the time: something wrote them while the restore ran. Stop the writers (traffic) and run again.");
                summary.table(["Key", "What was seen"], changed.map((r) => [r.plan.key, r.changed]));
            }
            summary.text(`Report: \`${plan.report}\`. Every replaced version is kept in its key's history.`);
        },
    };
}
/** A restore that stopped: what the bucket holds now (read back), `changed` from it, and the next step. */
function reportStopped(plan, run) {
    const { stopped } = run;
    const planned = plan.restore.counts.restore + plan.restore.counts.delete;
    const written = stopped.written.length;
    const restored = stopped.written.filter((r) => r.plan.action === "restore").length;
    const deleted = written - restored;
    const changed = written > 0 ? "true" : stopped.readBack || stopped.unsure === 0 ? "false" : "unknown";
    const list = `aws s3api list-object-versions --bucket ${plan.restore.bucket} --prefix '${plan.restore.prefix}'`;
    const state = !stopped.readBack
        ? `The bucket could not be read back: S3 answered ${written} of ${planned} writes${stopped.unsure ? `, and ${stopped.unsure} got no clear answer (they may have been written)` : ""}. See what each key holds with: ${list}, then run again: keys already as they were are left alone.`
        : written === 0
            ? `Read back: none of the ${planned} keys was written: the bucket is as before. Run again once the cause is fixed.`
            : written === planned
                ? `Read back: all ${planned} keys hold the restored version (${restored} restored, ${deleted} deleted); only what came after failed. A rerun says already-current.`
                : `Read back: ${written} of ${planned} keys hold the restored version (${restored} restored, ${deleted} deleted), the other ${planned - written} are as before; the report lists each key written. Run again to finish: keys already as they were are left alone.`;
    const failure = `${run.cancelled ? "Cancelled: " : ""}${adviseStorage(stopped)}\n${state}`;
    return {
        status: "failed",
        headline: run.cancelled ? "⏹️ cancelled" : "❌ failed",
        failure,
        outputs: { restored, deleted, changed, report: plan.report },
        summary: (summary) => {
            summary.text(`**${run.cancelled ? "Cancelled" : "Failed"}** on \`${where(plan.restore)}\` (changed: ${changed}).`);
            summary.text(state);
            summary.text(`Report: \`${plan.report}\`.`);
        },
    };
}

;// CONCATENATED MODULE: ./src/actions/storage-restore/index.ts






/** Brings a versioned S3-compatible bucket (or a prefix) back to how it was at a point in time. */
/* harmony default export */ const storage_restore = ((0,action/* defineAction */.QP)({
    name: "storage-restore",
    title: "Storage restore",
    inputs: inputs/* storageRestoreInputs */.NY,
    reportsChanged: true,
    plan: planStorage,
    nothingToDo: nothingToDo,
    describe: describeStorage,
    planOutputs: planOutputs,
    apply: applyStorage,
    report: reportStorage,
    explain: explainStorage,
}));


/***/ }),

/***/ 8469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NY: () => (/* binding */ storageRestoreInputs),
/* harmony export */   kF: () => (/* binding */ parsePointInTime),
/* harmony export */   sw: () => (/* binding */ checkInputs)
/* harmony export */ });
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9114);

const storageRestoreInputs = {
    bucket: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.text({ required: true, example: '"shop-assets"' }),
    prefix: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.text(),
    "point-in-time": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.text({ required: true, example: '"2026-03-01T12:00:00Z" or "2h" (two hours ago)' }),
    endpoint: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.url({ example: '"https://s3.eu-central-1.wasabisys.com"' }),
    region: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.optional(),
    "access-key-id": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.secret({ example: "${{ secrets.AWS_ACCESS_KEY_ID }}" }),
    "secret-access-key": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.secret({ example: "${{ secrets.AWS_SECRET_ACCESS_KEY }}" }),
    "delete-newer": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.boolean(true),
    confirm: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.optional(),
};
/** An ISO time with a zone (or a date, read as UTC midnight), or a duration ago: `2h`, `90m`. */
function parsePointInTime(raw, now = Date.now()) {
    const ago = /^\d/.test(raw) && !raw.includes("-") ? (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(raw) : undefined;
    if (ago !== undefined)
        return now - ago;
    // A time without a zone would be read in the runner's zone, which nobody chose: ask for one.
    const zoned = /^\d{4}-\d{2}-\d{2}$/.test(raw) || /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(raw);
    const at = zoned ? Date.parse(raw) : Number.NaN;
    if (Number.isNaN(at)) {
        throw (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)("point-in-time", `is "${raw}", which is neither an ISO time with a zone nor a duration ago.`, '"2026-03-01T12:00:00Z", "2026-03-01T14:00:00+02:00" or "2h"');
    }
    if (at > now)
        throw (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)("point-in-time", `is ${new Date(at).toISOString()}, which is in the future.`, '"2h" (two hours ago)');
    return at;
}
/** The checks across inputs, before any request: every problem in one error. */
function checkInputs(settings) {
    const problems = [];
    let at = 0;
    try {
        at = parsePointInTime(settings["point-in-time"]);
    }
    catch (error) {
        problems.push(error.message);
    }
    if (Boolean(settings["access-key-id"]) !== Boolean(settings["secret-access-key"])) {
        const missing = settings["access-key-id"] ? "secret-access-key" : "access-key-id";
        problems.push((0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(missing, "is required with the other key (or leave both empty to use the runner's AWS credentials, e.g. from OIDC).").message);
    }
    // As when deleting a repository: confirm repeats the bucket. A dry run needs none; a wrong one is refused.
    const { confirm, bucket } = settings;
    if (confirm === undefined && !settings["dry-run"]) {
        problems.push((0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)("confirm", `is required: type the name of the bucket that will be restored, "${bucket}", to confirm.`, `"${bucket}"`).message);
    }
    else if (confirm !== undefined && confirm !== bucket) {
        problems.push((0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)("confirm", `is "${confirm}", but the bucket to restore is "${bucket}".`, `"${bucket}"`)
            .message);
    }
    if (problems.length)
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(problems.join("\n"));
    return { at };
}


/***/ }),

/***/ 2728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   aq: () => (/* binding */ StorageError),
/* harmony export */   fF: () => (/* binding */ s3Clients),
/* harmony export */   zi: () => (/* binding */ versioningStatus)
/* harmony export */ });
async function s3Clients(options) {
    const { S3Client } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const credentials = options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined;
    const common = {
        endpoint: options.endpoint || undefined,
        forcePathStyle: Boolean(options.endpoint),
        // Compatible services ignore the region but the signature needs one; AWS redirects a wrong one.
        region: options.region || process.env.AWS_REGION || "us-east-1",
        followRegionRedirects: true,
        credentials,
    };
    const read = new S3Client({ ...common, maxAttempts: 4 });
    const write = new S3Client({ ...common, maxAttempts: 1 });
    return {
        read,
        write,
        close: () => {
            read.destroy();
            write.destroy();
        },
    };
}
/** An S3 call that failed: the service's error code (NoSuchBucket, AccessDenied…) and HTTP status. */
class StorageError extends Error {
    name = "StorageError";
    operation;
    code;
    status;
    key;
    constructor(operation, cause, key) {
        const e = cause;
        const status = e?.$metadata?.httpStatusCode;
        const code = e?.name && e.name !== "Error" ? e.name : undefined;
        const what = key === undefined ? operation : `${operation} of ${JSON.stringify(key)}`;
        super(`${what} failed${code ? ` (${code}${status ? `, HTTP ${status}` : ""})` : ""}: ${e?.message ?? String(cause)}`);
        this.operation = operation;
        this.code = code;
        this.status = status;
        this.key = key;
    }
    /** No answer, or a server error: the write may or may not have happened. */
    get ambiguous() {
        return this.status === undefined || this.status >= 500;
    }
}
async function call(operation, run, key) {
    try {
        return await run();
    }
    catch (error) {
        throw new StorageError(operation, error, key);
    }
}
/**
 * The bucket's versioning state (GetBucketVersioning): "Enabled", "Suspended", or undefined when it
 * was never turned on. Services without versioning (R2, Supabase Storage) answer an error or nothing.
 */
async function versioningStatus(clients, bucket) {
    const { GetBucketVersioningCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const answer = await call("GetBucketVersioning", () => clients.read.send(new GetBucketVersioningCommand({ Bucket: bucket })));
    return typeof answer.Status === "string" ? answer.Status : undefined;
}


/***/ })

};
