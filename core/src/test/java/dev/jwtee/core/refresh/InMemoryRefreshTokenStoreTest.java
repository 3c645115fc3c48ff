package dev.jwtee.core.refresh;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {

    private InMemoryRefreshTokenStore memory;

    @Override
    protected RefreshTokenStore newStore() {
        memory = new InMemoryRefreshTokenStore();
        return memory;
    }

    /** Reads the private map, since the store has no listing method. */
    @Override
    protected List<String> storedValues() {
        List<String> values = new ArrayList<>();
        records().forEach((hash, record) -> {
            values.add(String.valueOf(hash));
            values.add(String.valueOf(record));
        });
        return values;
    }

    @Override
    protected List<RefreshTokenRecord> familyRecords(String familyId) {
        return records().values().stream()
                .map(RefreshTokenRecord.class::cast)
                .filter(record -> record.familyId().equals(familyId))
                .toList();
    }

    private Map<?, ?> records() {
        try {
            Field field = InMemoryRefreshTokenStore.class.getDeclaredField("byHash");
            field.setAccessible(true);
            synchronized (memory) {
                return Map.copyOf((Map<?, ?>) field.get(memory));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("field byHash not found in"
                    + " InMemoryRefreshTokenStore; update records()", e);
        }
    }
}
