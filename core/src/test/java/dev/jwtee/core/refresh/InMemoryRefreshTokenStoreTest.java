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
        try {
            Field field = InMemoryRefreshTokenStore.class.getDeclaredField("byHash");
            field.setAccessible(true);
            List<String> values = new ArrayList<>();
            synchronized (memory) {
                Map<?, ?> map = (Map<?, ?>) field.get(memory);
                map.forEach((hash, record) -> {
                    values.add(String.valueOf(hash));
                    values.add(String.valueOf(record));
                });
            }
            return values;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("field byHash not found in"
                    + " InMemoryRefreshTokenStore; update storedValues()", e);
        }
    }
}
