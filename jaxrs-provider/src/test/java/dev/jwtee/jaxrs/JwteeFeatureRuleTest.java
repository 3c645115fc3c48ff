package dev.jwtee.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Precedence of the security annotations as {@link JwteeFeature} resolves them. */
class JwteeFeatureRuleTest {

    @RolesAllowed({"staff", "admin"})
    static class StaffResource {
        public void inherited() {
        }

        @RolesAllowed("admin")
        public void adminOnly() {
        }

        @PermitAll
        public void open() {
        }

        @DenyAll
        public void closed() {
        }

        @RolesAllowed({})
        public void noRoles() {
        }
    }

    @DenyAll
    static class ClosedResource {
        public void inherited() {
        }

        @RolesAllowed("admin")
        public void adminOnly() {
        }
    }

    static class PlainResource {
        public void open() {
        }

        @PermitAll
        @RolesAllowed("admin")
        public void conflicting() {
        }
    }

    @PermitAll
    @DenyAll
    static class ConflictingResource {
        public void any() {
        }
    }

    @Test
    void rule_classRolesOnly_appliesClassRoles() throws Exception {
        assertEquals(Optional.of(Set.of("staff", "admin")), rule(StaffResource.class, "inherited"));
    }

    @Test
    void rule_methodRoles_overrideClassRoles() throws Exception {
        assertEquals(Optional.of(Set.of("admin")), rule(StaffResource.class, "adminOnly"));
    }

    @Test
    void rule_methodPermitAll_overridesClassRoles() throws Exception {
        assertEquals(Optional.empty(), rule(StaffResource.class, "open"));
    }

    @Test
    void rule_methodDenyAll_deniesEveryone() throws Exception {
        assertEquals(Optional.of(Set.of()), rule(StaffResource.class, "closed"));
    }

    @Test
    void rule_emptyRolesAllowed_deniesEveryone() throws Exception {
        assertEquals(Optional.of(Set.of()), rule(StaffResource.class, "noRoles"));
    }

    @Test
    void rule_classDenyAll_deniesUnannotatedMethod() throws Exception {
        assertEquals(Optional.of(Set.of()), rule(ClosedResource.class, "inherited"));
    }

    @Test
    void rule_methodRoles_overrideClassDenyAll() throws Exception {
        assertEquals(Optional.of(Set.of("admin")), rule(ClosedResource.class, "adminOnly"));
    }

    @Test
    void rule_noAnnotation_isOpen() throws Exception {
        assertEquals(Optional.empty(), rule(PlainResource.class, "open"));
    }

    @Test
    void rule_conflictOnMethod_failsDeployment() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> rule(PlainResource.class, "conflicting"));

        assertTrue(error.getMessage().contains("@RolesAllowed"), error.getMessage());
    }

    @Test
    void rule_conflictOnClass_failsDeployment() {
        assertThrows(IllegalStateException.class, () -> rule(ConflictingResource.class, "any"));
    }

    private static Optional<Set<String>> rule(Class<?> type, String methodName)
            throws NoSuchMethodException {
        Method method = type.getMethod(methodName);
        return JwteeFeature.accessRule(new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return type;
            }
        });
    }
}
