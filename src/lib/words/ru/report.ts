export const report = {
};
