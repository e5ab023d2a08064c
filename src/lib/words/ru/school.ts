export const school = {
};
