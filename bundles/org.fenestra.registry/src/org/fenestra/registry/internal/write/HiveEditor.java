package org.fenestra.registry.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.fenestra.registry.CorruptHiveException;
import org.fenestra.registry.HiveEdit;
import org.fenestra.registry.HiveException;
import org.fenestra.registry.NoSuchKeyException;
import org.fenestra.registry.RegistryValue;
import org.fenestra.registry.internal.format.BaseBlock;
import org.fenestra.registry.internal.format.Cells;
import org.fenestra.registry.internal.format.HiveBytes;
import org.fenestra.registry.internal.format.KeyNode;
import org.fenestra.registry.internal.format.Names;
import org.fenestra.registry.internal.format.SecurityKey;
import org.fenestra.registry.internal.format.SubkeyList;
import org.fenestra.registry.internal.format.ValueKey;
import org.fenestra.registry.internal.read.HiveImage;
import org.fenestra.registry.internal.read.HiveValidator;

/**
 * A transaction on a copy of a hive's bytes. Keys and values are written into cells at once;
 * the subkey and value lists of the keys touched are kept in memory (subkeys sorted the way
 * Windows sorts them) and written once, at commit, so that many changes under one key cost
 * no more than one list each. The committed bytes are validated like any hive from outside
 * before they are written.
 */
public final class HiveEditor implements HiveEdit {
    private static final long FILETIME_UNIX_EPOCH = 116444736000000000L;

    private final HiveImage image;
    private final HiveBytes bytes;
    private final CellAllocator cells;
    private final Path file;
    private final Consumer<Committed> onCommit;
    private final int minorVersion;
    private final int root;
    /** Subkeys (sorted) and values of the keys looked into, and which of them changed. */
    private final Map<Integer, List<Integer>> children = new HashMap<>();
    private final Map<Integer, List<Integer>> values = new HashMap<>();
    private final Set<Integer> changedChildren = new HashSet<>();
    private final Set<Integer> changedValues = new HashSet<>();
    private boolean done;

    /** What a commit produced: the new image and the file it went to. */
    public record Committed(HiveImage image, Path file) {
    }

    public HiveEditor(HiveImage original, Path file, Consumer<Committed> onCommit) throws CorruptHiveException {
        this.bytes = original.bytes().copy(64 * 1024);
        this.image = new HiveImage(bytes);
        this.cells = new CellAllocator(bytes);
        this.file = file;
        this.onCommit = onCommit;
        this.minorVersion = image.minorVersion();
        this.root = image.rootCell();
    }

    @Override
    public void createKey(String path) throws HiveException {
        open();
        int key = root;
        for (String name : parts(path)) {
            int child = child(key, name);
            key = child >= 0 ? child : addKey(key, name);
        }
    }

    @Override
    public boolean deleteKey(String path) throws HiveException {
        open();
        int key = find(path);
        if (key < 0) {
            return false;
        }
        if (key == root) {
            throw new HiveException("the root key cannot be deleted");
        }
        int parent = image.keyField(key, KeyNode.PARENT);
        List<Integer> siblings = children(parent);
        siblings.remove(Integer.valueOf(key));
        changedChildren.add(parent);
        touch(parent);
        deleteTree(key);
        return true;
    }

    @Override
    public boolean keyExists(String path) throws HiveException {
        open();
        return find(path) >= 0;
    }

    @Override
    public void setValue(String keyPath, RegistryValue value) throws HiveException {
        open();
        int key = existing(keyPath);
        List<Integer> list = values(key);
        int vk = writeValue(value);
        int index = valueIndex(list, value.name());
        if (index >= 0) {
            freeValue(list.get(index));
            list.set(index, vk);
        } else {
            list.add(vk);
        }
        changedValues.add(key);
        touch(key);
    }

    @Override
    public boolean deleteValue(String keyPath, String valueName) throws HiveException {
        open();
        int key = existing(keyPath);
        List<Integer> list = values(key);
        int index = valueIndex(list, valueName);
        if (index < 0) {
            return false;
        }
        freeValue(list.remove(index));
        changedValues.add(key);
        touch(key);
        return true;
    }

    @Override
    public void commit() throws IOException {
        if (file == null) {
            throw new HiveException("this hive has no file yet: commit it to one");
        }
        commitTo(file);
    }

    @Override
    public void commitTo(Path target) throws IOException {
        open();
        writeLists();
        int sequence = bytes.i32(BaseBlock.PRIMARY_SEQUENCE) + 1;
        bytes.put32(BaseBlock.PRIMARY_SEQUENCE, sequence);
        bytes.put32(BaseBlock.SECONDARY_SEQUENCE, sequence);
        bytes.put64(BaseBlock.LAST_WRITTEN, now());
        bytes.put32(BaseBlock.BINS_SIZE, cells.binsSize());
        BaseBlock.writeChecksum(bytes);
        done = true;
        // The edit is over: the new image takes its bytes as they are (no copy of the hive).
        HiveImage committed = HiveValidator.validate(new HiveBytes(bytes.array(), BaseBlock.SIZE + cells.binsSize()));
        writeReplacing(target, bytes.array(), BaseBlock.SIZE + cells.binsSize());
        onCommit.accept(new Committed(committed, target));
    }

    @Override
    public void close() {
        done = true;
    }

    private void open() {
        if (done) {
            throw new IllegalStateException("this edit was committed or closed");
        }
    }

    // --- keys

    private static List<String> parts(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("\\\\")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    private int find(String path) throws CorruptHiveException {
        int key = root;
        for (String name : parts(path)) {
            key = child(key, name);
            if (key < 0) {
                return -1;
            }
        }
        return key;
    }

    private int existing(String path) throws HiveException {
        int key = find(path);
        if (key < 0) {
            throw new NoSuchKeyException(path);
        }
        return key;
    }

    /** The subkey of that name, or -1. */
    private int child(int key, String name) throws CorruptHiveException {
        List<Integer> list = children(key);
        int index = search(list, name);
        return index >= 0 ? list.get(index) : -1;
    }

    /** Binary search in a sorted subkey list: the index, or -(insertion point) - 1. */
    private int search(List<Integer> list, String name) throws CorruptHiveException {
        int low = 0;
        int high = list.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = Names.compare(image.keyName(list.get(mid)), name);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    private List<Integer> children(int key) throws CorruptHiveException {
        List<Integer> list = children.get(key);
        if (list == null) {
            list = new ArrayList<>();
            for (int child : image.subkeys(key)) {
                list.add(child);
            }
            List<Integer> sorted = list;
            List<String> names = new ArrayList<>(list.size());
            for (int child : list) {
                names.add(image.keyName(child));
            }
            // Files not written by Windows may list subkeys in another order: sort them once.
            Integer[] order = new Integer[list.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Names.compare(names.get(a), names.get(b)));
            list = new ArrayList<>(order.length);
            for (Integer i : order) {
                list.add(sorted.get(i));
            }
            children.put(key, list);
        }
        return list;
    }

    private int addKey(int parent, String name) throws CorruptHiveException {
        byte[] encoded = Names.encode(name);
        int nk = cells.allocate(KeyNode.NAME + encoded.length);
        int pos = Cells.data(nk);
        bytes.putAscii(pos, "nk");
        bytes.put16(pos + KeyNode.FLAGS, Names.fitsLatin1(name) ? KeyNode.FLAG_COMPRESSED_NAME : 0);
        bytes.put64(pos + KeyNode.LAST_WRITTEN, now());
        bytes.put32(pos + KeyNode.PARENT, parent);
        bytes.put32(pos + KeyNode.SUBKEY_LIST, Cells.NONE);
        bytes.put32(pos + KeyNode.VOLATILE_SUBKEY_LIST, Cells.NONE);
        bytes.put32(pos + KeyNode.VALUE_LIST, Cells.NONE);
        bytes.put32(pos + KeyNode.CLASS_NAME, Cells.NONE);
        int security = image.keyField(parent, KeyNode.SECURITY);
        bytes.put32(pos + KeyNode.SECURITY, security);
        if (security != Cells.NONE) {
            int references = Cells.data(security) + SecurityKey.REFERENCES;
            bytes.put32(references, bytes.i32(references) + 1);
        }
        bytes.put16(pos + KeyNode.NAME_LENGTH, encoded.length);
        bytes.put(pos + KeyNode.NAME, encoded);
        List<Integer> siblings = children(parent);
        siblings.add(-search(siblings, name) - 1, nk);
        children.put(nk, new ArrayList<>());
        values.put(nk, new ArrayList<>());
        changedChildren.add(parent);
        touch(parent);
        return nk;
    }

    /** Frees a key and everything below it (the parent's list is the caller's). */
    private void deleteTree(int top) throws CorruptHiveException {
        List<Integer> pending = new ArrayList<>();
        pending.add(top);
        while (!pending.isEmpty()) {
            int key = pending.remove(pending.size() - 1);
            pending.addAll(children(key));
            for (int vk : values(key)) {
                freeValue(vk);
            }
            if (image.keyField(key, KeyNode.VALUE_COUNT) > 0) {
                cells.free(image.keyField(key, KeyNode.VALUE_LIST));
            }
            freeSubkeyList(key);
            releaseSecurity(image.keyField(key, KeyNode.SECURITY));
            int className = image.keyField(key, KeyNode.CLASS_NAME);
            if (className != Cells.NONE && bytes.u16(Cells.data(key) + KeyNode.CLASS_LENGTH) > 0) {
                cells.free(className);
            }
            cells.free(key);
            children.remove(key);
            values.remove(key);
            changedChildren.remove(key);
            changedValues.remove(key);
        }
    }

    private void freeSubkeyList(int key) throws CorruptHiveException {
        if (image.keyField(key, KeyNode.SUBKEY_COUNT) == 0) {
            return;
        }
        int list = image.keyField(key, KeyNode.SUBKEY_LIST);
        int pos = Cells.data(list);
        if (bytes.hasSignature(pos, "ri")) {
            int leaves = bytes.u16(pos + SubkeyList.COUNT);
            for (int i = 0; i < leaves; i++) {
                cells.free(bytes.i32(pos + SubkeyList.ENTRIES + 4 * i));
            }
        }
        cells.free(list);
    }

    private void releaseSecurity(int sk) throws CorruptHiveException {
        if (sk == Cells.NONE) {
            return;
        }
        int pos = Cells.data(sk);
        int references = bytes.i32(pos + SecurityKey.REFERENCES) - 1;
        bytes.put32(pos + SecurityKey.REFERENCES, references);
        if (references <= 0) {
            int previous = bytes.i32(pos + SecurityKey.PREVIOUS);
            int next = bytes.i32(pos + SecurityKey.NEXT);
            if (previous != sk) {
                bytes.put32(Cells.data(previous) + SecurityKey.NEXT, next);
                bytes.put32(Cells.data(next) + SecurityKey.PREVIOUS, previous);
            }
            cells.free(sk);
        }
    }

    private void touch(int key) {
        bytes.put64(Cells.data(key) + KeyNode.LAST_WRITTEN, now());
    }

    // --- values

    private List<Integer> values(int key) throws CorruptHiveException {
        List<Integer> list = values.get(key);
        if (list == null) {
            list = new ArrayList<>();
            for (int vk : image.values(key)) {
                list.add(vk);
            }
            values.put(key, list);
        }
        return list;
    }

    private int valueIndex(List<Integer> list, String name) throws CorruptHiveException {
        for (int i = 0; i < list.size(); i++) {
            if (Names.equal(image.valueName(list.get(i)), name)) {
                return i;
            }
        }
        return -1;
    }

    private int writeValue(RegistryValue value) throws HiveException {
        byte[] name = Names.encode(value.name());
        if (name.length > 0xFFFF) {
            throw new HiveException("value name of " + value.name().length() + " characters is too long");
        }
        byte[] data = value.data();
        int vk = cells.allocate(ValueKey.NAME + name.length);
        int pos = Cells.data(vk);
        bytes.putAscii(pos, "vk");
        bytes.put16(pos + ValueKey.NAME_LENGTH, name.length);
        bytes.put32(pos + ValueKey.TYPE, value.type());
        bytes.put16(pos + ValueKey.FLAGS, Names.fitsLatin1(value.name()) ? ValueKey.FLAG_COMPRESSED_NAME : 0);
        bytes.put(pos + ValueKey.NAME, name);
        if (data.length <= 4) {
            bytes.put32(pos + ValueKey.DATA_SIZE, data.length | ValueKey.INLINE_DATA);
            bytes.put(pos + ValueKey.DATA, data);
        } else {
            bytes.put32(pos + ValueKey.DATA_SIZE, data.length);
            bytes.put32(pos + ValueKey.DATA, writeData(data));
        }
        return vk;
    }

    private int writeData(byte[] data) {
        if (data.length <= ValueKey.BIG_DATA_SEGMENT || minorVersion < ValueKey.BIG_DATA_MINOR_VERSION) {
            int cell = cells.allocate(data.length);
            bytes.put(Cells.data(cell), data);
            return cell;
        }
        int count = (data.length + ValueKey.BIG_DATA_SEGMENT - 1) / ValueKey.BIG_DATA_SEGMENT;
        int list = cells.allocate(4 * count);
        for (int i = 0; i < count; i++) {
            int from = i * ValueKey.BIG_DATA_SEGMENT;
            int length = Math.min(ValueKey.BIG_DATA_SEGMENT, data.length - from);
            // Four spare bytes after each segment's data, as in Windows' full segments (16344 bytes in a
            // 16352-byte cell): readers such as hivex take a segment's data to end 4 bytes before its cell.
            int segment = cells.allocate(length + 4);
            bytes.put(Cells.data(segment), java.util.Arrays.copyOfRange(data, from, from + length));
            bytes.put32(Cells.data(list) + 4 * i, segment);
        }
        int db = cells.allocate(8);
        bytes.putAscii(Cells.data(db), "db");
        bytes.put16(Cells.data(db) + 2, count);
        bytes.put32(Cells.data(db) + 4, list);
        return db;
    }

    private void freeValue(int vk) throws CorruptHiveException {
        if (!image.isInline(vk) && image.valueSize(vk) > 0) {
            int data = bytes.i32(Cells.data(vk) + ValueKey.DATA);
            if (image.isBigData(vk)) {
                for (int segment : image.bigDataSegments(data)) {
                    cells.free(segment);
                }
                cells.free(bytes.i32(Cells.data(data) + 4));
            }
            cells.free(data);
        }
        cells.free(vk);
    }

    // --- commit

    /** Writes the changed subkey and value lists and the counts and maxima in their keys. */
    private void writeLists() throws CorruptHiveException {
        for (int key : changedChildren) {
            freeSubkeyList(key);
            List<Integer> list = children.get(key);
            int pos = Cells.data(key);
            bytes.put32(pos + KeyNode.SUBKEY_COUNT, list.size());
            bytes.put32(pos + KeyNode.SUBKEY_LIST, list.isEmpty() ? Cells.NONE : writeSubkeyList(list));
            int longest = 0;
            for (int child : list) {
                longest = Math.max(longest, image.keyName(child).length() * 2);
            }
            bytes.put32(pos + KeyNode.MAX_SUBKEY_NAME, longest);
        }
        for (int key : changedValues) {
            int pos = Cells.data(key);
            if (image.keyField(key, KeyNode.VALUE_COUNT) > 0) {
                cells.free(image.keyField(key, KeyNode.VALUE_LIST));
            }
            List<Integer> list = values.get(key);
            int cell = Cells.NONE;
            int longestName = 0;
            int largestData = 0;
            if (!list.isEmpty()) {
                cell = cells.allocate(4 * list.size());
                for (int i = 0; i < list.size(); i++) {
                    int vk = list.get(i);
                    bytes.put32(Cells.data(cell) + 4 * i, vk);
                    longestName = Math.max(longestName, image.valueName(vk).length() * 2);
                    largestData = Math.max(largestData, image.valueSize(vk));
                }
            }
            bytes.put32(pos + KeyNode.VALUE_COUNT, list.size());
            bytes.put32(pos + KeyNode.VALUE_LIST, cell);
            bytes.put32(pos + KeyNode.MAX_VALUE_NAME, longestName);
            bytes.put32(pos + KeyNode.MAX_VALUE_DATA, largestData);
        }
    }

    /** An lh list, or for long lists an ri list of lh leaves of at most {@link SubkeyList#LEAF_MAX}. */
    private int writeSubkeyList(List<Integer> list) throws CorruptHiveException {
        if (list.size() <= SubkeyList.LEAF_MAX) {
            return writeLeaf(list);
        }
        int leaves = (list.size() + SubkeyList.LEAF_MAX - 1) / SubkeyList.LEAF_MAX;
        int per = (list.size() + leaves - 1) / leaves;
        int ri = cells.allocate(SubkeyList.ENTRIES + 4 * leaves);
        bytes.putAscii(Cells.data(ri), "ri");
        bytes.put16(Cells.data(ri) + SubkeyList.COUNT, leaves);
        for (int i = 0; i < leaves; i++) {
            int leaf = writeLeaf(list.subList(i * per, Math.min(list.size(), (i + 1) * per)));
            bytes.put32(Cells.data(ri) + SubkeyList.ENTRIES + 4 * i, leaf);
        }
        return ri;
    }

    private int writeLeaf(List<Integer> keys) throws CorruptHiveException {
        int lh = cells.allocate(SubkeyList.ENTRIES + 8 * keys.size());
        int pos = Cells.data(lh);
        bytes.putAscii(pos, "lh");
        bytes.put16(pos + SubkeyList.COUNT, keys.size());
        for (int i = 0; i < keys.size(); i++) {
            int nk = keys.get(i);
            bytes.put32(pos + SubkeyList.ENTRIES + 8 * i, nk);
            bytes.put32(pos + SubkeyList.ENTRIES + 8 * i + 4, SubkeyList.hash(image.keyName(nk)));
        }
        return lh;
    }

    static long now() {
        long millis = System.currentTimeMillis();
        return millis * 10_000L + FILETIME_UNIX_EPOCH;
    }

    /** Writes the file under a temporary name beside it, then renames it over the old one. */
    static void writeReplacing(Path target, byte[] content, int length) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content, 0, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
